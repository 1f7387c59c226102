using System.Diagnostics;
using Lakehouse.Bench.Data;
using Lakehouse.Bench.Harness;
using Lakehouse.Pipelines.Transforms;
using Lakehouse.Testing.Interop;

namespace Lakehouse.Bench.Benchmarks;

/// <summary>
/// Gold step over an N-row silver table: group by (status, customer_id) (~50k groups) with count, sum, min, max, avg,
/// written as a Delta overwrite through <see cref="TransformStep"/>. DuckDB runs the same GROUP BY over the same
/// Parquet files and writes the result to Parquet.
/// </summary>
internal sealed class GoldTransformBenchmark : IBenchmark
{
    public string Name => "gold-transform";

    public string Description => "Gold group-by (status, customer_id) with count/sum/min/max/avg over an N-row silver table";

    public bool HasOurSide => true;

    public bool HasDuckDbSide => true;

    private static string Lake(BenchContext c) => Path.Combine(c.DataDirectory, $"gold-groupby-{c.Rows}");

    public Task PrepareAsync(BenchContext context, CancellationToken cancellationToken) =>
        OrdersLake.EnsureAsync(Lake(context), context.Rows, 0, cancellationToken);

    public async Task<Measurement> RunOursAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var gold = Path.Combine(Lake(context), "bench", "gold");
        if (Directory.Exists(gold))
        {
            Directory.Delete(gold, true);
        }

        var step = new TransformStep(OrdersLake.Runtime(Lake(context)), OrdersLake.Pipeline);
        var watch = Stopwatch.StartNew();
        var summary = await step.RunAsync(new TransformRequest("bench", "gold", "status_customers", "bench"), cancellationToken);
        var elapsed = watch.Elapsed;
        if ((long)summary["rowsRead"]! != context.Rows)
        {
            throw new InvalidOperationException($"Gold read {summary["rowsRead"]} rows, expected {context.Rows}: {summary.ToJsonString()}");
        }

        return new Measurement(elapsed, context.Rows, Extra: new Dictionary<string, double> { ["groups"] = (long)summary["rowsWritten"]! });
    }

    public async Task<Measurement> RunDuckDbAsync(BenchContext context, InteropHarness duckDb, CancellationToken cancellationToken)
    {
        var silver = InteropHarness.SqlString(Path.Combine(Lake(context), "bench", "silver", "orders", "*.parquet"));
        var output = Path.Combine(context.NewOutputDirectory("duckdb-gold"), "gold.parquet");
        await duckDb.ExecuteDuckDbAsync($"SET threads = {context.Threads}");
        var elapsed = await duckDb.ExecuteDuckDbAsync(
            $"COPY (SELECT status, customer_id, count(*) AS orders, sum(amount) AS revenue, min(amount) AS smallest, max(amount) AS largest, avg(amount) AS average " +
            $"FROM read_parquet({silver}) GROUP BY status, customer_id) TO {InteropHarness.SqlString(output)} (FORMAT parquet, COMPRESSION snappy)");
        return new Measurement(elapsed, context.Rows, new FileInfo(output).Length);
    }
}
