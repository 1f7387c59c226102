using Lakehouse.Delta.Storage;
using Lakehouse.Pipelines.Billing;
using Lakehouse.Pipelines.Metering;
using Lakehouse.Testing;

namespace Lakehouse.Pipelines.Tests.Billing;

public sealed class BillingJobCollectorTests
{
    private static readonly DateTimeOffset Nov21 = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Appends the orchestration records it is given, then reports them; or fails when told to.</summary>
    private sealed class ScriptedCollector(IUsageStore store, params UsageRecord[] records) : IUsageCollector
    {
        public Exception? FailWith { get; init; }

        public int Calls { get; private set; }

        public string Name => "scripted";

        public async Task<CollectionReport> CollectAsync(CancellationToken cancellationToken)
        {
            Calls++;
            if (FailWith is not null)
            {
                throw FailWith;
            }

            foreach (var r in records)
            {
                await store.AppendAsync(r, cancellationToken);
            }

            return new CollectionReport(Name, Nov21.AddDays(-1), Nov21, records.Length, records.Length, records.Sum(r => r.StateTransitions));
        }
    }

    private static UsageRecord Transitions(string executionArn, DateTimeOffset stop, long transitions) => new()
    {
        WorkspaceId = "ws1",
        RequestId = executionArn,
        Kind = UsageKind.Orchestration,
        Pipeline = "retail",
        Stage = "run",
        Function = "lakehouse-dev-pipeline",
        Start = stop,
        End = stop,
        StateTransitions = transitions,
    };

    [Fact]
    public async Task Execute_CollectorsRunBeforeAggregating_AndTheirRecordsReachTheCsv()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));
        var store = new InMemoryObjectStore(clock);
        var usage = new ObjectStoreUsageStore(store, "usage");
        await usage.AppendAsync(UsageSamples.Invocation("ws1", Nov21, 60_000), CancellationToken.None);
        var collector = new ScriptedCollector(usage, Transitions("arn:e1", Nov21.AddMinutes(5), 9), Transitions("arn:e2", Nov21.AddHours(3), 1_000));
        var job = new BillingJob(usage, store, new BillingOptions("logs", BillingRates.Default), clock) { Collectors = [collector] };

        var run = await job.ExecuteAsync(null, CancellationToken.None);

        var report = Assert.Single(run.Collections);
        Assert.Equal(1_009, report.StateTransitions);
        var file = Assert.Single(run.Files);
        Assert.Equal(3, file.Records);
        // 60 s × 1 GB × 0.0001 + 1,009 transitions × 0.025 / 1,000
        Assert.Equal(0.006m + 0.025225m, file.TotalDbus);
    }

    [Fact]
    public async Task Execute_WhenACollectorFails_WritesTheFilesThenThrowsNamingTheCollector()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));
        var store = new InMemoryObjectStore(clock);
        var usage = new ObjectStoreUsageStore(store, "usage");
        await usage.AppendAsync(UsageSamples.Invocation("ws1", Nov21, 60_000), CancellationToken.None);
        var failing = new ScriptedCollector(usage) { FailWith = new IOException("states endpoint unreachable") };
        var job = new BillingJob(usage, store, new BillingOptions("logs", BillingRates.Default), clock) { Collectors = [failing] };

        var error = await Assert.ThrowsAsync<BillingException>(() => job.ExecuteAsync(null, CancellationToken.None));

        Assert.Contains("'scripted'", error.Message, StringComparison.Ordinal);
        Assert.Contains("states endpoint unreachable", error.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(error.InnerException);
        Assert.NotNull(await store.HeadAsync("logs/billable-usage/csv/workspaceId=ws1-usageMonth=2026-11.csv", CancellationToken.None));
    }

    [Fact]
    public async Task Execute_RecollectingTheSameExecutions_DoesNotChangeTheTotals()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));
        var store = new InMemoryObjectStore(clock);
        var usage = new ObjectStoreUsageStore(store, "usage");
        var collector = new ScriptedCollector(usage, Transitions("arn:e1", Nov21, 9));
        var job = new BillingJob(usage, store, new BillingOptions("logs", BillingRates.Default), clock) { Collectors = [collector] };

        var first = await job.ExecuteAsync(null, CancellationToken.None);
        var second = await job.ExecuteAsync(null, CancellationToken.None);

        Assert.Equal(2, collector.Calls);
        Assert.Equal(first.Files.Single().TotalDbus, second.Files.Single().TotalDbus);
        Assert.Equal(1, second.Files.Single().Records);
        Assert.Equal(0.000225m, second.Files.Single().TotalDbus);
    }
}
