using System.Runtime.CompilerServices;
using Lakehouse.Bench.Harness;
using Lakehouse.Delta.Storage;
using Lakehouse.Pipelines.Billing;
using Lakehouse.Pipelines.Metering;
using Lakehouse.Testing.Interop;

namespace Lakehouse.Bench.Benchmarks;

/// <summary>
/// The nightly billing job over N usage records of one month (default 1M): records are generated lazily by a streaming
/// usage store, so the figure shows the job's own memory (bounded by the number of CSV rows, not records) and speed.
/// </summary>
internal sealed class BillingAggregateBenchmark : IBenchmark
{
    public string Name => "billing-aggregate";

    public string Description => "BillingJob over N streamed usage records of a month → billable-usage CSV";

    public bool HasOurSide => true;

    public bool HasDuckDbSide => false;

    public Task PrepareAsync(BenchContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<Measurement> RunOursAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var logs = new InMemoryObjectStore();
        var job = new BillingJob(new GeneratedUsage(context.Rows), logs, new BillingOptions("logs", BillingRates.Default));
        var start = System.Diagnostics.Stopwatch.StartNew();
        var files = await job.RunAsync(new DateOnly(2026, 11, 30), cancellationToken);
        var elapsed = start.Elapsed;
        var file = files.Single();
        if (file.Records != context.Rows)
        {
            throw new InvalidOperationException($"Billed {file.Records} records, expected {context.Rows}.");
        }

        var size = (await logs.HeadAsync(file.Key, cancellationToken))!.Size;
        return new Measurement(elapsed, context.Rows, size, Extra: new Dictionary<string, double> { ["csvRows"] = file.Rows });
    }

    public Task<Measurement> RunDuckDbAsync(BenchContext context, InteropHarness duckDb, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    /// <summary>Deterministic records spread over November 2026: 3 functions × 2 pipelines × 4 memory sizes × 720 hours.</summary>
    private sealed class GeneratedUsage(long count) : IUsageStore
    {
        public Task AppendAsync(UsageRecord record, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> ListWorkspacesAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(["ws-bench"]);

        public async IAsyncEnumerable<UsageRecord> ReadAsync(string workspaceId, DateTimeOffset fromInclusive, DateTimeOffset toExclusive, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var functions = new[] { "lakehouse-prod-ingest", "lakehouse-prod-transform", "lakehouse-prod-maintenance" };
            var kinds = new[] { UsageKind.Ingest, UsageKind.Transform, UsageKind.Maintenance };
            var tags = new Dictionary<string, string> { ["team"] = "data" };
            for (long i = 0; i < count; i++)
            {
                var f = (int)(i % 3);
                var start = fromInclusive.AddSeconds(i * 7919 % (long)(toExclusive - fromInclusive).TotalSeconds);
                yield return new UsageRecord
                {
                    WorkspaceId = workspaceId,
                    RequestId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Kind = kinds[f],
                    Pipeline = i % 2 == 0 ? "retail" : "finance",
                    Function = functions[f],
                    Start = start,
                    End = start.AddMilliseconds(i % 900_000),
                    BilledDurationMs = 1 + (i % 900_000),
                    MemoryMb = 512 << (int)(i % 4),
                    OwnerId = "u-1",
                    OwnerName = "Ada",
                    Tags = tags,
                };

                if (i % 65_536 == 0)
                {
                    await Task.Yield();
                }
            }
        }
    }
}
