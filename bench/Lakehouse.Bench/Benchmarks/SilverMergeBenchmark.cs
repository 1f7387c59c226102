using System.Diagnostics;
using Lakehouse.Bench.Data;
using Lakehouse.Bench.Harness;
using Lakehouse.Pipelines.Transforms;
using Lakehouse.Testing.Interop;

namespace Lakehouse.Bench.Benchmarks;

/// <summary>
/// SCD1 merge of N/10 updates (keys spread over the whole range) into an N-row silver Delta table through
/// <see cref="TransformStep"/> (read the bronze increment, dedupe, rewrite touched files, commit). DuckDB computes the
/// same merged table from the same Parquet files and writes it to one Parquet file:
/// target rows without a newer update, plus the updates.
/// </summary>
internal sealed class SilverMergeBenchmark : IBenchmark
{
    public string Name => "silver-merge";

    public string Description => "Merge N/10 updates into an N-row silver table by key with sequence ordering (TransformStep vs DuckDB)";

    public bool HasOurSide => true;

    public bool HasDuckDbSide => true;

    private static string Lake(BenchContext c) => Path.Combine(c.DataDirectory, $"silver-merge-{c.Rows}");

    public Task PrepareAsync(BenchContext context, CancellationToken cancellationToken) =>
        OrdersLake.EnsureAsync(Lake(context), context.Rows, context.Rows / 10, cancellationToken);

    public async Task<Measurement> RunOursAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var root = context.NewOutputDirectory("ours-merge");
        OrdersLake.CopyDirectory(Lake(context), root);
        var step = new TransformStep(OrdersLake.Runtime(root), OrdersLake.Pipeline);
        var watch = Stopwatch.StartNew();
        var summary = await step.RunAsync(new TransformRequest("bench", "silver", "orders", "bench"), cancellationToken);
        var elapsed = watch.Elapsed;
        var updated = (long)summary["details"]!["keys_updated"]!;
        if (updated != context.Rows / 10)
        {
            throw new InvalidOperationException($"Merge updated {updated} keys, expected {context.Rows / 10}: {summary.ToJsonString()}");
        }

        return new Measurement(elapsed, context.Rows, Extra: new Dictionary<string, double>
        {
            ["updates"] = updated,
            ["files_rewritten"] = (long)summary["details"]!["files_rewritten"]!,
        });
    }

    public async Task<Measurement> RunDuckDbAsync(BenchContext context, InteropHarness duckDb, CancellationToken cancellationToken)
    {
        var lake = Lake(context);
        var silver = InteropHarness.SqlString(Path.Combine(lake, "bench", "silver", "orders", "*.parquet"));
        var updates = InteropHarness.SqlString(Path.Combine(lake, "bench", "bronze", "orders_bronze", "*.parquet"));
        var output = Path.Combine(context.NewOutputDirectory("duckdb-merge"), "merged.parquet");
        await duckDb.ExecuteDuckDbAsync($"SET threads = {context.Threads}");
        var elapsed = await duckDb.ExecuteDuckDbAsync(
            $"COPY (WITH u AS (SELECT * FROM read_parquet({updates}) QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY seq DESC) = 1) " +
            $"SELECT t.* FROM read_parquet({silver}) t LEFT JOIN u ON t.order_id = u.order_id WHERE u.order_id IS NULL OR u.seq <= t.seq " +
            $"UNION ALL SELECT u.* FROM u LEFT JOIN read_parquet({silver}) t ON t.order_id = u.order_id WHERE t.order_id IS NULL OR u.seq > t.seq) " +
            $"TO {InteropHarness.SqlString(output)} (FORMAT parquet, COMPRESSION snappy)");
        return new Measurement(elapsed, context.Rows, new FileInfo(output).Length);
    }
}
