using System.Diagnostics;
using System.Text;
using Lakehouse.Aws.DynamoDb;
using Lakehouse.Aws.LogStores;
using Lakehouse.Aws.S3;
using Lakehouse.Bench.Harness;
using Lakehouse.Delta.Storage;
using Lakehouse.Testing.Interop;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Bench.Benchmarks;

/// <summary>
/// Commit throughput and latency of the AWS log stores against a local moto_server: <c>--threads</c> writers race
/// for the versions of one table until <c>--rows</c> commits exist, each commit shaped like a Delta transaction: load the
/// latest version, try the next; after a lost race read the winners (the conflict check), back off with jitter, retry.
/// Latency is per successful commit, from the snapshot load to Committed, lost races included. Every 10th commit writes
/// <c>_last_checkpoint</c> (as Delta's post-commit checkpoint would), outside the measured latency.
/// <c>--opt store=dynamodb|s3</c> picks <see cref="DynamoDbLogStore"/> or <see cref="PutIfAbsentLogStore"/> over S3.
/// </summary>
internal sealed class LogStoreCommitBenchmark : IBenchmark
{
    public string Name => "log-store-commits";

    public string Description => "Concurrent Delta commits through the DynamoDB or S3-conditional log store on moto_server (--opt store=dynamodb|s3)";

    public bool HasOurSide => true;

    public bool HasDuckDbSide => false;

    public Task PrepareAsync(BenchContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<Measurement> RunOursAsync(BenchContext context, CancellationToken cancellationToken)
    {
        using var moto = new MotoServerFixture();
        await moto.InitializeAsync();
        using var s3 = moto.CreateS3Client();
        using var dynamo = moto.CreateDynamoDbClient();
        await s3.PutBucketAsync("bench", cancellationToken);
        var objects = new S3ObjectStore(s3, new S3ObjectStoreOptions("bench"));
        var kind = context.Option("store", "dynamodb");
        ILogStoreFactory factory = kind switch
        {
            "dynamodb" => new DynamoDbLogStoreFactory(dynamo, new DynamoDbLogStoreOptions { TableName = "delta_log" }),
            "s3" => new S3ConditionalLogStoreFactory(),
            _ => throw new ArgumentException($"Unknown store '{kind}': use --opt store=dynamodb or --opt store=s3."),
        };
        if (kind == "dynamodb")
        {
            await DeltaLogTable.EnsureCreatedAsync(dynamo, "delta_log", cancellationToken);
        }

        var total = context.Rows;
        var latencies = new List<double>[context.Threads];
        long attempts = 0;
        long committed = 0;
        var clock = Stopwatch.StartNew();
        var writers = Enumerable.Range(0, context.Threads).Select(w => Task.Run(async () =>
        {
            var store = factory.ForTable(objects, "bench/table");
            var mine = latencies[w] = [];
            while (Interlocked.Read(ref committed) < total)
            {
                var bytes = Encoding.UTF8.GetBytes($"{{\"commitInfo\":{{\"writer\":{w},\"n\":{mine.Count}}}}}\n{{\"add\":{{\"path\":\"part-{w}-{mine.Count}.parquet\",\"size\":1,\"modificationTime\":0,\"dataChange\":true}}}}\n");
                var started = Stopwatch.GetTimestamp();

                // As a Delta transaction does: load the latest snapshot, try the next version; after a lost race read the
                // winning commits until the first missing version (the conflict check), back off with jitter, retry there.
                var version = (await store.GetLatestVersionAsync(cancellationToken) ?? -1) + 1;
                for (var attempt = 1; ; attempt++)
                {
                    Interlocked.Increment(ref attempts);
                    if (await store.TryWriteCommitAsync(version, bytes, cancellationToken) == CommitWriteResult.Committed)
                    {
                        break;
                    }

                    while (await store.ReadCommitAsync(version, cancellationToken) is not null)
                    {
                        version++;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(100, 5 << Math.Min(attempt, 5))), cancellationToken);
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref committed);
                if (version % 10 == 0)
                {
                    // Delta's post-commit checkpoint every 10 commits keeps snapshot loads from listing the whole log;
                    // only its _last_checkpoint hint matters to the log stores, so the checkpoint Parquet is omitted.
                    await objects.PutAsync("bench/table/_delta_log/_last_checkpoint", new MemoryStream(Encoding.UTF8.GetBytes($"{{\"version\":{version},\"size\":1}}")), cancellationToken);
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(writers);
        var elapsed = clock.Elapsed;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Measurement(elapsed, all.Length, Extra: new Dictionary<string, double>
        {
            ["commits_per_s"] = all.Length / elapsed.TotalSeconds,
            ["p50_ms"] = Percentile(all, 0.50),
            ["p99_ms"] = Percentile(all, 0.99),
            ["attempts_per_commit"] = (double)Interlocked.Read(ref attempts) / all.Length,
        });
    }

    public Task<Measurement> RunDuckDbAsync(BenchContext context, InteropHarness duckDb, CancellationToken cancellationToken) =>
        throw new NotSupportedException("DuckDB has no log store to compare with.");

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
