using Lakehouse.Delta.Actions;
using Lakehouse.Pipelines.Transforms;
using Lakehouse.Pipelines.Transforms.Gold;

namespace Lakehouse.Pipelines.Tests.Transforms.Gold;

public sealed class GoldIncrementalTests
{
    internal static async Task<GoldScenario> LoadedAsync(GoldIncrementalPolicy? policy = null)
    {
        var s = new GoldScenario(policy);
        await s.InsertAsync(
            [1L, "north", 10L, 5.00m, 1],
            [2L, "south", 10L, 7.50m, 2],
            [3L, "north", 11L, 1.25m, 3]);
        await s.InsertAsync(
            [4L, "east", 12L, 9.00m, 4],
            [5L, "north", 13L, 2.00m, 5],
            [6L, null, 13L, 3.00m, -1]);
        return s;
    }

    [Fact]
    public async Task Run_FirstUpdate_IsFull_ThenAnAppendIsIncremental()
    {
        var s = await LoadedAsync();
        var first = await s.RunBothAsync();
        Assert.Equal(GoldStrategyDecision.FullStrategy, (string?)first["strategy"]);
        Assert.Contains("first update", (string?)first["message"], StringComparison.Ordinal);

        await s.InsertAsync([7L, "west", 11L, 4.00m, 0], [8L, "west", 14L, 1.00m, 2]);
        var second = await s.RunBothAsync();

        Assert.Equal(GoldStrategyDecision.IncrementalStrategy, (string?)second["strategy"]);
        Assert.Equal(2, (long)second["details"]!["groups_affected"]!);
        Assert.Equal(2, (long)second["rowsWritten"]!);
        Assert.Equal(
            ["10|2|2|12.50|6.250000|1|south", "11|2|2|5.25|2.625000|0|west", "12|1|1|9.00|9.000000|4|east", "13|1|1|2.00|2.000000|5|north", "14|1|1|1.00|1.000000|2|west"],
            await s.RowsAsync("by_customer"));
        Assert.Equal(await s.RowsAsync("by_customer_full"), await s.RowsAsync("by_customer"));
    }

    [Fact]
    public async Task Run_UpdateThatMovesARowBetweenGroups_RecomputesBothGroupsFromOldAndNewValues()
    {
        var s = await LoadedAsync();
        await s.RunBothAsync();

        // Row 1 moves from customer 10 to 12 and changes region; min/max/count_distinct of both groups change.
        await s.ChangeAsync(r => (long)r[0]! == 1L ? [1L, "zulu", 12L, 5.00m, 9] : r);
        var summary = await s.RunBothAsync();

        Assert.Equal(GoldStrategyDecision.IncrementalStrategy, (string?)summary["strategy"]);
        Assert.Equal(2, (long)summary["details"]!["groups_affected"]!);
        Assert.Equal(["10|1|1|7.50|7.500000|2|south", "11|1|1|1.25|1.250000|3|north", "12|2|2|14.00|7.000000|4|zulu", "13|1|1|2.00|2.000000|5|north"],
            await s.RowsAsync("by_customer"));
        Assert.Equal(await s.RowsAsync("by_customer_full"), await s.RowsAsync("by_customer"));
    }

    [Fact]
    public async Task Run_RowsCarriedUnchangedByARewrite_DoNotAffectTheirGroups()
    {
        var s = await LoadedAsync();
        await s.RunBothAsync();

        // The first file (customers 10 and 11) is rewritten, but only row 3 (customer 11) changes.
        await s.ChangeAsync(r => (long)r[0]! == 3L ? [3L, "north", 11L, 1.50m, 3] : r);
        var summary = await s.RunBothAsync();

        Assert.Equal(6, (long)summary["details"]!["source_rows_changed"]!);
        Assert.Equal(1, (long)summary["details"]!["groups_affected"]!);
        Assert.Equal(await s.RowsAsync("by_customer_full"), await s.RowsAsync("by_customer"));
    }

    [Fact]
    public async Task Run_GroupWhoseRowsAreAllDeleted_IsDeletedFromGold()
    {
        var s = await LoadedAsync();
        await s.RunBothAsync();

        await s.ChangeAsync(r => (long)r[2]! == 12L ? null : r);
        var summary = await s.RunBothAsync();

        Assert.Equal(GoldStrategyDecision.IncrementalStrategy, (string?)summary["strategy"]);
        Assert.Equal(1, (long)summary["details"]!["groups_removed"]!);
        Assert.DoesNotContain(await s.RowsAsync("by_customer"), r => r.StartsWith("12|", StringComparison.Ordinal));
        Assert.Equal(await s.RowsAsync("by_customer_full"), await s.RowsAsync("by_customer"));
    }

    [Fact]
    public async Task Run_RowThatStopsPassingTheFilter_LeavesItsGroup()
    {
        var s = await LoadedAsync();
        await s.RunBothAsync();

        await s.ChangeAsync(r => (long)r[0]! == 4L ? [4L, "east", 12L, 9.00m, -5] : r);
        await s.RunBothAsync();

        Assert.DoesNotContain(await s.RowsAsync("by_customer"), r => r.StartsWith("12|", StringComparison.Ordinal));
        Assert.Equal(await s.RowsAsync("by_customer_full"), await s.RowsAsync("by_customer"));
    }

    [Fact]
    public async Task Run_Incremental_RewritesOnlyTheGoldFilesHoldingAffectedGroups()
    {
        // Two groups per gold file: customers (10, 11), (12, 13) after the full recompute sorts them.
        var s = await LoadedAsync(new GoldIncrementalPolicy(GroupsPerFile: 2));
        await s.RunBothAsync();
        var before = await s.Gold("by_customer").GetSnapshotAsync();
        Assert.Equal(2, before.Files.Count);

        await s.InsertAsync([9L, "south", 13L, 1.00m, 1]);
        var summary = await s.RunBothAsync();

        var version = (long)summary["versionWritten"]!;
        var actions = await s.CommitActionsAsync(s.Gold("by_customer"), version);
        var removed = Assert.Single(actions.OfType<RemoveFile>());
        Assert.All(actions.OfType<AddFile>(), a => Assert.InRange(FileStatsCustomer(a.Stats, "minValues"), 12, 13));
        var holder = before.Files.Single(f => f.Stats!.MinValues!.Value.GetProperty("customer").GetInt64() == 12);
        Assert.Equal(holder.Path, removed.Path);
        Assert.Equal(1, (long)summary["details"]!["files_pruned"]!);
        var after = await s.Gold("by_customer").GetSnapshotAsync();
        Assert.Contains(after.Files, f => f.Path == before.Files.Single(b => b.Path != holder.Path).Path);
        Assert.Equal(await s.RowsAsync("by_customer_full"), await s.RowsAsync("by_customer"));
    }

    private static long FileStatsCustomer(string? stats, string bound) =>
        System.Text.Json.JsonDocument.Parse(stats!).RootElement.GetProperty(bound).GetProperty("customer").GetInt64();

    [Fact]
    public async Task Run_Incremental_RecordsWatermarksInTheSameCommit()
    {
        var s = await LoadedAsync();
        await s.RunBothAsync();
        var sourceVersion = await s.InsertAsync([9L, "south", 10L, 1.00m, 1]);

        var summary = await s.RunAsync();

        var actions = await s.CommitActionsAsync(s.Gold("by_customer"), (long)summary["versionWritten"]!);
        var txn = Assert.Single(actions.OfType<TxnAction>());
        Assert.Equal("shop/by_customer/sales", txn.AppId);
        Assert.Equal(sourceVersion, txn.Version);
        Assert.NotEmpty(actions.OfType<AddFile>());
    }

    [Fact]
    public async Task Run_ReRun_IsSkippedAndChangesNothing()
    {
        var s = await LoadedAsync();
        await s.RunBothAsync();
        await s.InsertAsync([9L, "south", 10L, 1.00m, 1]);
        var first = await s.RunAsync();
        var rows = await s.RowsAsync("by_customer");

        var second = await s.RunAsync(runId: "run-2");

        Assert.Equal(TransformStatus.Skipped, (string?)second["status"]);
        Assert.Equal((long)first["versionWritten"]!, (await s.Gold("by_customer").GetSnapshotAsync()).Version);
        Assert.Equal(rows, await s.RowsAsync("by_customer"));
    }

    [Fact]
    public async Task Run_ConcurrentOverlappingRuns_ApplyTheChangesOnce()
    {
        var s = await LoadedAsync();
        await s.RunBothAsync();
        var goldVersion = (await s.Gold("by_customer").GetSnapshotAsync()).Version;
        await s.InsertAsync([9L, "south", 10L, 1.00m, 1]);
        await s.ChangeAsync(r => (long)r[0]! == 5L ? null : r);
        await s.Full.RunAsync(new TransformRequest("shop", "gold", "by_customer_full", "run-full"));

        var results = await Task.WhenAll(
            Task.Run(() => s.RunAsync(runId: "run-a")),
            Task.Run(() => s.RunAsync(runId: "run-b")));

        Assert.Single(results, r => (string?)r["status"] == TransformStatus.Succeeded);
        Assert.Single(results, r => (string?)r["status"] == TransformStatus.Skipped);
        Assert.Equal(goldVersion + 1, (await s.Gold("by_customer").GetSnapshotAsync()).Version);
        Assert.Equal(await s.RowsAsync("by_customer_full"), await s.RowsAsync("by_customer"));
    }

    [Fact]
    public async Task Run_SeveralSourceVersionsBetweenRuns_EqualOneRunPerVersion()
    {
        var s = await LoadedAsync();
        await s.RunBothAsync();

        await s.InsertAsync([9L, "south", 10L, 1.00m, 1]);
        await s.ChangeAsync(r => (long)r[0]! == 9L ? [9L, "south", 11L, 2.00m, 1] : r);
        await s.ChangeAsync(r => (long)r[0]! == 9L ? null : r);
        await s.InsertAsync([10L, "east", 15L, 3.00m, 3]);
        await s.Silver.OptimizeAsync();
        var summary = await s.RunBothAsync();

        Assert.Equal(GoldStrategyDecision.IncrementalStrategy, (string?)summary["strategy"]);
        Assert.Equal(1, (long)summary["details"]!["groups_affected"]!);
        Assert.Equal(await s.RowsAsync("by_customer_full"), await s.RowsAsync("by_customer"));
    }

    [Fact]
    public async Task Run_OverwriteModeWithComputedKey_IsIncrementalAndEqualsAFullRecompute()
    {
        var s = await LoadedAsync();
        await s.RunBothAsync("by_region");
        await s.ChangeAsync(r => (long)r[0]! == 2L ? [2L, "north", 10L, 8.00m, 7] : r);

        var summary = await s.RunBothAsync("by_region");

        Assert.Equal(GoldStrategyDecision.IncrementalStrategy, (string?)summary["strategy"]);
        Assert.Equal(await s.RowsAsync("by_region_full"), await s.RowsAsync("by_region"));
    }

    [Fact]
    public async Task Run_AppendOnlyWithFoldableAggregates_FoldsNewRowsWithoutReReadingTheSource()
    {
        var s = await LoadedAsync();
        await s.RunBothAsync("by_region_sums");

        await s.InsertAsync([7L, "north", 20L, 0.50m, 8], [8L, "west", 21L, 4.00m, 1], [9L, null, 22L, 1.00m, 1]);
        var summary = await s.RunBothAsync("by_region_sums");

        Assert.Equal(GoldStrategyDecision.IncrementalStrategy, (string?)summary["strategy"]);
        Assert.Equal(1, (long)summary["details"]!["folded"]!);
        Assert.Null(summary["details"]!["source_files_read"]);
        Assert.Equal(3, (long)summary["rowsRead"]!);
        Assert.Contains("north|4|4|8.75|17|0.50|20", await s.RowsAsync("by_region_sums"));
        Assert.Equal(await s.RowsAsync("by_region_sums_full"), await s.RowsAsync("by_region_sums"));
    }

    [Fact]
    public async Task Run_UpdateWithFoldableAggregates_RecomputesInsteadOfFolding()
    {
        var s = await LoadedAsync();
        await s.RunBothAsync("by_region_sums");

        await s.ChangeAsync(r => (long)r[0]! == 3L ? [3L, "north", 11L, 9.99m, 3] : r);
        var summary = await s.RunBothAsync("by_region_sums");

        Assert.Equal(0, (long)summary["details"]!["folded"]!);
        Assert.Equal(await s.RowsAsync("by_region_sums_full"), await s.RowsAsync("by_region_sums"));
    }
}
