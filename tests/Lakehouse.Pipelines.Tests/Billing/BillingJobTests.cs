using System.Globalization;
using System.Text;
using Lakehouse.Delta.Storage;
using Lakehouse.Pipelines.Billing;
using Lakehouse.Pipelines.Metering;
using Lakehouse.Testing;

namespace Lakehouse.Pipelines.Tests.Billing;

public sealed class BillingJobTests
{
    private static readonly DateTimeOffset Oct28 = new(2026, 10, 28, 0, 0, 0, TimeSpan.Zero);

    private sealed record Fixture(InMemoryObjectStore Logs, ObjectStoreUsageStore Usage, BillingJob Job, FakeTimeProvider Clock);

    private static Fixture Create()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));
        var store = new InMemoryObjectStore(clock);
        var usage = new ObjectStoreUsageStore(store, "usage");
        var job = new BillingJob(usage, store, new BillingOptions("logs", BillingRates.Default), clock);
        return new Fixture(store, usage, job, clock);
    }

    private static async Task<List<(string Key, decimal Dbus, decimal Hours, int Rows)>> ReadFilesAsync(InMemoryObjectStore store)
    {
        var files = new List<(string, decimal, decimal, int)>();
        await foreach (var info in store.ListAsync("logs/billable-usage/csv/", null, CancellationToken.None))
        {
            await using var stream = await store.OpenReadAsync(info.Key, CancellationToken.None);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            using var csv = CsvHelper.CsvReader.FromText(await reader.ReadToEndAsync(), null);
            decimal dbus = 0, hours = 0;
            var rows = 0;
            while (csv.Read())
            {
                dbus += decimal.Parse(csv.GetString(8), CultureInfo.InvariantCulture);
                hours += decimal.Parse(csv.GetString(9), CultureInfo.InvariantCulture);
                rows++;
            }

            files.Add((info.Key, dbus, hours, rows));
        }

        return files;
    }

    [Fact]
    public async Task Run_DefaultDate_IsYesterdayAndWritesTheMonthToDateFile()
    {
        var f = Create();
        await f.Usage.AppendAsync(UsageSamples.Invocation("ws1", new DateTimeOffset(2026, 11, 21, 9, 15, 0, TimeSpan.Zero), 60_000), CancellationToken.None);
        await f.Usage.AppendAsync(UsageSamples.Invocation("ws1", new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero), 60_000), CancellationToken.None);

        var written = await f.Job.RunAsync(null, CancellationToken.None);

        var file = Assert.Single(written);
        Assert.Equal("logs/billable-usage/csv/workspaceId=ws1-usageMonth=2026-11.csv", file.Key);
        Assert.Equal(1, file.Records); // today's record is not part of yesterday's run
        Assert.Equal(0.006m, file.TotalDbus); // 60 s × 1 GB × 0.0001
    }

    [Fact]
    public async Task Run_AcrossMonthBoundary_TotalsReconcileExactlyWithRecords()
    {
        var f = Create();
        var records = UsageSamples.Random(3000, seed: 11, Oct28, TimeSpan.FromDays(7), "ws1", "ws2");
        foreach (var r in records)
        {
            await f.Usage.AppendAsync(r, CancellationToken.None);
        }

        // Last day of October, then first days of November (which also recompute October for late arrivals).
        await f.Job.RunAsync(new DateOnly(2026, 10, 31), CancellationToken.None);
        await f.Job.RunAsync(new DateOnly(2026, 11, 3), CancellationToken.None);

        var agg = new BillableUsageAggregator(BillingRates.Default);
        var files = await ReadFilesAsync(f.Logs);
        Assert.Equal(4, files.Count); // 2 workspaces × 2 months
        foreach (var ws in new[] { "ws1", "ws2" })
        {
            foreach (var (month, from, to) in new[] { (10, Oct28, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)), (11, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 4, 0, 0, 0, TimeSpan.Zero)) })
            {
                var expected = records.Where(r => r.WorkspaceId == ws && r.Start >= from && r.Start < to).ToList();
                var file = files.Single(x => x.Key.EndsWith($"workspaceId={ws}-usageMonth=2026-{month}.csv", StringComparison.Ordinal));
                Assert.Equal(expected.Sum(r => agg.Contribution(r).Dbus), file.Dbus);
                Assert.Equal(expected.Sum(r => agg.Contribution(r).MachineHours), file.Hours);
            }
        }

        Assert.Equal(records.Sum(r => agg.Contribution(r).Dbus), files.Sum(x => x.Dbus));
    }

    [Fact]
    public async Task Run_LateRecord_IsIncludedByTheNextRun()
    {
        var f = Create();
        var nov20 = new DateTimeOffset(2026, 11, 20, 23, 59, 0, TimeSpan.Zero);
        await f.Usage.AppendAsync(UsageSamples.Invocation("ws1", nov20, 1000), CancellationToken.None);
        var first = await f.Job.RunAsync(new DateOnly(2026, 11, 20), CancellationToken.None);

        await f.Usage.AppendAsync(UsageSamples.Invocation("ws1", nov20.AddMinutes(-30), 3000), CancellationToken.None);
        var second = await f.Job.RunAsync(new DateOnly(2026, 11, 21), CancellationToken.None);

        Assert.Equal(1, Assert.Single(first).Records);
        Assert.Equal(2, Assert.Single(second).Records);
        Assert.Equal(0.0004m, Assert.Single(await ReadFilesAsync(f.Logs)).Dbus);
    }

    [Fact]
    public async Task Run_LastDayOfMonth_ExcludesTheNextMonthsFirstMillisecond()
    {
        var f = Create();
        var midnight = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        await f.Usage.AppendAsync(UsageSamples.Invocation("ws1", midnight.AddMilliseconds(-1), 1000), CancellationToken.None);
        await f.Usage.AppendAsync(UsageSamples.Invocation("ws1", midnight, 2000), CancellationToken.None);

        var october = Assert.Single(await f.Job.RunAsync(new DateOnly(2026, 10, 31), CancellationToken.None));
        var november = await f.Job.RunAsync(new DateOnly(2026, 11, 1), CancellationToken.None);

        Assert.EndsWith("usageMonth=2026-10.csv", october.Key, StringComparison.Ordinal);
        Assert.Equal(0.0001m, october.TotalDbus);
        Assert.Equal(2, november.Count); // October recomputed (late arrivals) + November so far
        Assert.Equal(0.0002m, november.Single(x => x.Month == 11).TotalDbus);
        Assert.Equal(0.0001m, november.Single(x => x.Month == 10).TotalDbus);
    }

    [Fact]
    public async Task Append_SameRequestIdTwice_IsBilledOnce()
    {
        var f = Create();
        var record = UsageSamples.Invocation("ws1", new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), 1000, requestId: "req-1");
        await f.Usage.AppendAsync(record, CancellationToken.None);
        await f.Usage.AppendAsync(record with { BilledDurationMs = 5000 }, CancellationToken.None);

        var file = Assert.Single(await f.Job.RunAsync(new DateOnly(2026, 11, 21), CancellationToken.None));
        Assert.Equal(1, file.Records);
        Assert.Equal(0.0001m, file.TotalDbus);
    }
}
