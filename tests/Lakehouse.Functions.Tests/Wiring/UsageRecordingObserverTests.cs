using System.Runtime.CompilerServices;
using Lakehouse.Functions.Metering;
using Lakehouse.Lambda.Usage;
using Lakehouse.Pipelines.Metering;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lakehouse.Functions.Tests.Wiring;

public sealed class UsageRecordingObserverTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Completed_FailedInvocation_RecordsAttributedUsageWithBilledMilliseconds()
    {
        var store = new ListStore();
        var attribution = new InvocationAttribution();
        var observer = new UsageRecordingObserver(store, "ws-1", UsageKind.Transform, attribution, NullLogger.Instance);
        attribution.Set("req-1", "retail", "silver/orders", "u-1", "Retail", new Dictionary<string, string> { ["team"] = "a" });

        await observer.OnInvocationCompletedAsync(
            new InvocationUsage("req-1", "transform", "$LATEST", Start, Start.AddTicks(12_345_678), 1235, 2048, "arm64", false, false, "Lakehouse.CommitConflict"),
            default);

        var record = Assert.Single(store.Records);
        Assert.Equal(("ws-1", "req-1", UsageKind.Transform, "retail", "silver/orders"), (record.WorkspaceId, record.RequestId, record.Kind, record.Pipeline, record.Stage));
        Assert.Equal((1235L, 2048, "arm64", false), (record.BilledDurationMs, record.MemoryMb, record.Architecture, record.Succeeded));
        Assert.Equal(("u-1", "Retail", "a"), (record.OwnerId, record.OwnerName, record.Tags["team"]));
    }

    [Fact]
    public async Task Completed_StoreThrows_LogsAndDoesNotThrow()
    {
        var observer = new UsageRecordingObserver(new ListStore { Fail = true }, "ws-1", UsageKind.Ingest, new InvocationAttribution(), NullLogger.Instance);

        await observer.OnInvocationCompletedAsync(new InvocationUsage("r", "ingest", "1", Start, Start.AddSeconds(1), 1000, 128, "x86_64", true, true, null), default);
    }

    [Fact]
    public async Task Completed_StoreHangs_GivesUpWithinTheBoundedWait()
    {
        var observer = new UsageRecordingObserver(new ListStore { Hang = true }, "ws-1", UsageKind.Ingest, new InvocationAttribution(), NullLogger.Instance);
        var write = observer.OnInvocationCompletedAsync(new InvocationUsage("r", "ingest", "1", Start, Start.AddSeconds(1), 1000, 128, "x86_64", true, true, null), default).AsTask();

        var finished = await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.Same(write, finished);
    }

    private sealed class ListStore : IUsageStore
    {
        public List<UsageRecord> Records { get; } = [];

        public bool Fail { get; init; }

        public bool Hang { get; init; }

        public async Task AppendAsync(UsageRecord record, CancellationToken cancellationToken)
        {
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (Fail)
            {
                throw new InvalidOperationException("DynamoDB is down");
            }

            Records.Add(record);
        }

        public async IAsyncEnumerable<UsageRecord> ReadAsync(string workspaceId, DateTimeOffset fromInclusive, DateTimeOffset toExclusive, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            foreach (var r in Records)
            {
                yield return r;
            }
        }

        public Task<IReadOnlyList<string>> ListWorkspacesAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>([.. Records.Select(r => r.WorkspaceId).Distinct()]);
    }
}
