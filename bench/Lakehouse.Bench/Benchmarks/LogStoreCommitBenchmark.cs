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
/// for the versions of one table until <c>--rows</c> commits exist. A writer that loses version N reads commit N (as the
/// Delta conflict check would), catches up with the latest version, backs off with jitter and retries after it. Latency is per successful commit, lost races included.
/// <c>--opt store=dynamodb|s3</c> picks <see cref="DynamoDbLogStore"/> or <see cref="S3ConditionalLogStore"/>.
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
            long version = 0;
            while (Interlocked.Read(ref committed) < total)
            {
                var bytes = Encoding.UTF8.GetBytes($"{{\"commitInfo\":{{\"writer\":{w},\"n\":{mine.Count}}}}}\n{{\"add\":{{\"path\":\"part-{w}-{mine.Count}.parquet\",\"size\":1,\"modificationTime\":0,\"dataChange\":true}}}}\n");
                var started = Stopwatch.GetTimestamp();
                var losses = 0;
                while (true)
                {
                    Interlocked.Increment(ref attempts);
                    if (await store.TryWriteCommitAsync(version, bytes, cancellationToken) == CommitWriteResult.Committed)
                    {
                        break;
                    }

                    // What the Delta commit loop does after a lost race: read the winning commit, catch up with the
                    // latest version, back off with jitter, retry after it.
                    _ = await store.ReadCommitAsync(version, cancellationToken);
                    version = Math.Max(version, (await store.GetLatestVersionAsync(cancellationToken) ?? -1)) + 1;
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(200, 5 << Math.Min(++losses, 6))), cancellationToken);
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref committed);
                version++;
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
