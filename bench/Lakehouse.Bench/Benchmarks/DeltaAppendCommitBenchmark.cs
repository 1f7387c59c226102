using System.Diagnostics;
using Lakehouse.Bench.Harness;
using Lakehouse.Delta;
using Lakehouse.Delta.Storage;
using Lakehouse.Parquet.Data;
using Lakehouse.Testing.Interop;

namespace Lakehouse.Bench.Benchmarks;

/// <summary>
/// Append commit latency on the filesystem: <c>--threads</c> writers each append small batches (<c>--opt batch=100</c>
/// rows, one Parquet file each) until <c>--rows</c> commits exist, through the full path (snapshot update, Parquet data
/// file, stats, put-if-absent commit, conflict check on lost races, checkpoint every 10 commits).
/// </summary>
internal sealed class DeltaAppendCommitBenchmark : IBenchmark
{
    private static readonly StructType Schema = new(new StructField("id", DataType.Long), new StructField("name", DataType.String));

    public string Name => "delta-append-commit";

    public string Description => "Append commits to a filesystem Delta table: per-commit latency with --threads writers (--opt batch=100)";

    public bool HasOurSide => true;

    public bool HasDuckDbSide => false;

    public Task PrepareAsync(BenchContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<Measurement> RunOursAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var path = context.NewOutputDirectory("delta-append");
        var rowsPerBatch = int.Parse(context.Option("batch", "100"), System.Globalization.CultureInfo.InvariantCulture);
        await DeltaTable.CreateAsync(new FileSystemObjectStore(path), string.Empty, Schema, cancellationToken: cancellationToken);
        var latencies = new List<double>[context.Threads];
        long committed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, context.Threads).Select(w => Task.Run(async () =>
        {
            var table = DeltaTable.ForPath(new FileSystemObjectStore(path), string.Empty);
            var mine = latencies[w] = [];
            while (Interlocked.Increment(ref committed) <= context.Rows)
            {
                var batch = RecordBatch.CreateEmpty(Schema, rowsPerBatch);
                for (var i = 0; i < rowsPerBatch; i++)
                {
                    batch.Columns[0].AppendValue((long)i);
                    batch.Columns[1].AppendValue("name-" + i);
                }

                var started = Stopwatch.GetTimestamp();
                await table.AppendAsync(batch, cancellationToken: cancellationToken);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }, cancellationToken)));
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        Directory.Delete(path, recursive: true);
        return new Measurement(elapsed, all.Length, Extra: new Dictionary<string, double>
        {
            ["commits_per_s"] = all.Length / elapsed.TotalSeconds,
            ["p50_ms"] = all[all.Length / 2],
            ["p99_ms"] = all[Math.Min(all.Length - 1, (int)Math.Ceiling(0.99 * all.Length) - 1)],
        });
    }

    public Task<Measurement> RunDuckDbAsync(BenchContext context, InteropHarness duckDb, CancellationToken cancellationToken) =>
        throw new NotSupportedException("No DuckDB side.");
}
