using System.Diagnostics;
using System.Globalization;
using Lakehouse.Bench.Harness;
using Lakehouse.Delta;
using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Storage;
using Lakehouse.Parquet.Data;
using Lakehouse.Testing.Interop;

namespace Lakehouse.Bench.Benchmarks;

/// <summary>
/// Loading the latest snapshot of a filesystem Delta table with <c>--rows</c> commits and a checkpoint every 10
/// commits. <c>--opt shape=replace</c> (default): every commit replaces the table's single file, so the live state is
/// constant and only history grows (load time should stay flat); <c>shape=append</c>: every commit adds a file (live
/// files grow with history). <c>--opt checkpoint=false</c> replays every commit instead (the cost checkpoints avoid).
/// The table is generated once per shape/size under .bench/data; each run loads it <c>--opt loads=20</c> times in a
/// fresh <see cref="DeltaTable"/> (no cache) and reports the median load.
/// </summary>
internal sealed class DeltaSnapshotLoadBenchmark : IBenchmark
{
    private static readonly StructType Schema = new(new StructField("id", DataType.Long), new StructField("day", DataType.String));

    public string Name => "delta-snapshot-load";

    public string Description => "Latest-snapshot load of a filesystem Delta table with --rows commits, checkpoint every 10 (--opt shape=replace|append, checkpoint=true|false, loads=20)";

    public bool HasOurSide => true;

    public bool HasDuckDbSide => false;

    private static string TablePath(BenchContext context) =>
        Path.Combine(context.DataDirectory, $"delta-{context.Option("shape", "replace")}-{context.Rows}-cp{context.Option("checkpoint", "true")}");

    public async Task PrepareAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var path = TablePath(context);
        if (System.IO.File.Exists(Path.Combine(path, "READY")))
        {
            return;
        }

        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        var replace = context.Option("shape", "replace") == "replace";
        var checkpoints = context.Option("checkpoint", "true") == "true";
        var store = new FileSystemObjectStore(path);
        var table = await DeltaTable.CreateAsync(store, string.Empty, Schema, new Lakehouse.Delta.Writing.CreateTableOptions { PartitionColumns = ["day"] },
            commitOptions: new Lakehouse.Delta.Transactions.CommitOptions { CheckpointAfterCommit = false }, cancellationToken: cancellationToken);
        var log = new PutIfAbsentLogStore(store, string.Empty);
        var clock = DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeMilliseconds();
        var lastCheckpoint = checkpoints ? context.Rows / 10 * 10 : -1;
        for (long v = 1; v <= context.Rows; v++)
        {
            var now = clock + (v * 60_000);
            var actions = new List<DeltaAction>
            {
                new CommitInfo { Timestamp = now, Operation = "WRITE", ReadVersion = v - 1, IsBlindAppend = !replace, EngineInfo = "bench" },
            };
            if (replace && v > 1)
            {
                actions.Add(new RemoveFile { Path = FileName(v - 1), DeletionTimestamp = now, DataChange = true, Size = 1000 });
            }

            actions.Add(new AddFile
            {
                Path = FileName(v),
                PartitionValues = new Dictionary<string, string?> { ["day"] = Day(v) },
                Size = 1000,
                ModificationTime = now,
                DataChange = true,
                Stats = "{\"numRecords\":100,\"minValues\":{\"id\":0},\"maxValues\":{\"id\":99},\"nullCount\":{\"id\":0}}",
            });
            await log.TryWriteCommitAsync(v, ActionCodec.Serialize(actions), cancellationToken);
            if (v == lastCheckpoint)
            {
                await DeltaTable.ForPath(store, string.Empty).CheckpointAsync(cancellationToken);
            }
        }

        await System.IO.File.WriteAllTextAsync(Path.Combine(path, "READY"), "ok", cancellationToken);
    }

    private static string Day(long v) => new DateOnly(2024, 1, 1).AddDays((int)(v % 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FileName(long v) => $"day={Day(v)}/part-{v:D6}.parquet";

    public async Task<Measurement> RunOursAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var path = TablePath(context);
        var loads = int.Parse(context.Option("loads", "20"), CultureInfo.InvariantCulture);
        var times = new List<double>();
        long files = 0;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < loads; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var snapshot = await DeltaTable.ForPath(new FileSystemObjectStore(path), string.Empty).GetSnapshotAsync(null, cancellationToken);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            files = snapshot.Files.Count;
            if (snapshot.Version != context.Rows)
            {
                throw new InvalidOperationException($"Expected version {context.Rows}, loaded {snapshot.Version}.");
            }
        }

        times.Sort();
        return new Measurement(total.Elapsed, context.Rows, Extra: new Dictionary<string, double>
        {
            ["load_median_ms"] = times[times.Count / 2],
            ["load_min_ms"] = times[0],
            ["live_files"] = files,
        });
    }

    public Task<Measurement> RunDuckDbAsync(BenchContext context, InteropHarness duckDb, CancellationToken cancellationToken) =>
        throw new NotSupportedException("No DuckDB side.");
}
