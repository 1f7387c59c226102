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
        var appended = long.Parse(context.Option("incremental", "0"), System.Globalization.CultureInfo.InvariantCulture);
        if (appended > 0)
        {
            return await RunIncrementalAsync(context, appended, cancellationToken);
        }

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

    /// <summary>
    /// <c>--opt incremental=N [table=status_customers|status_customer_sums]</c>: on a copy of the lake, a full gold run
    /// and an append of N new orders to silver (untimed), then the timed incremental gold run. status_customers (has avg)
    /// recomputes the affected groups from silver; status_customer_sums (count/sum/min/max) folds the new rows in.
    /// </summary>
    private static async Task<Measurement> RunIncrementalAsync(BenchContext context, long appended, CancellationToken cancellationToken)
    {
        var table = context.Option("table", "status_customers");
        var lake = context.NewOutputDirectory("gold-incremental");
        OrdersLake.CopyDirectory(Lake(context), lake);
        var gold = Path.Combine(lake, "bench", "gold");
        if (Directory.Exists(gold))
        {
            Directory.Delete(gold, true);
        }

        var runtime = OrdersLake.Runtime(lake);
        var step = new TransformStep(runtime, OrdersLake.Pipeline);
        var request = new TransformRequest("bench", "gold", table, "bench");
        await step.RunAsync(request, cancellationToken);
        await runtime.Table("bench", Lakehouse.Pipelines.Lake.MedallionLayer.Silver, "orders")
            .AppendAsync(OrdersLake.NewOrders(context.Rows, context.Rows + appended, 3), null, cancellationToken);

        var watch = Stopwatch.StartNew();
        var summary = await step.RunAsync(request with { RunId = "bench-incremental" }, cancellationToken);
        var elapsed = watch.Elapsed;
        if ((string?)summary["strategy"] != "incremental")
        {
            throw new InvalidOperationException($"The gold run after the append was not incremental: {summary.ToJsonString()}");
        }

        Directory.Delete(lake, true);
        return new Measurement(elapsed, context.Rows, Extra: new Dictionary<string, double>
        {
            ["groups_affected"] = (long)summary["details"]!["groups_affected"]!,
            ["rows_read"] = (long)summary["rowsRead"]!,
            ["folded"] = (long)summary["details"]!["folded"]!,
        });
    }
}
