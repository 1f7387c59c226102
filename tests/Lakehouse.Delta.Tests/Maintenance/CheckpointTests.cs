using Lakehouse.Delta.Log;
using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Tests.Writing;
using Lakehouse.Delta.Writing;
using Lakehouse.Testing;

namespace Lakehouse.Delta.Tests.Maintenance;

public class CheckpointTests
{
    private static async Task<(DeltaTable Table, InMemoryObjectStore Store, FakeTimeProvider Time)> TableWithCommitsAsync(int appends)
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryObjectStore(time);
        var table = await DeltaTable.CreateAsync(store, "t", Batches.Orders, new CreateTableOptions { PartitionColumns = ["country"] }, timeProvider: time);
        for (var i = 0; i < appends; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await table.AppendAsync(Batches.OrdersBatch(i * 2, 2));
        }

        return (table, store, time);
    }

    [Fact]
    public async Task Commits_EveryCheckpointInterval_WriteCheckpointAndLastCheckpoint()
    {
        var (_, store, _) = await TableWithCommitsAsync(25);

        Assert.NotNull(await store.HeadAsync("t/_delta_log/00000000000000000010.checkpoint.parquet", default));
        Assert.NotNull(await store.HeadAsync("t/_delta_log/00000000000000000020.checkpoint.parquet", default));
        Assert.Null(await store.HeadAsync("t/_delta_log/00000000000000000015.checkpoint.parquet", default));
        var last = await LogListing.TryReadLastCheckpointAsync(store, "t", default);
        Assert.Equal(20, last!.Version);
        Assert.Equal(2 + 40, last.Size);
    }

    [Fact]
    public async Task FreshLoad_UsesNewestCheckpoint_AndMatchesReplayFromCommits()
    {
        var (table, store, _) = await TableWithCommitsAsync(25);
        var fresh = DeltaTable.ForPath(store, "t");

        var latest = await fresh.GetSnapshotAsync();
        var at15 = await fresh.GetSnapshotAsync(15);
        var rows = await Batches.ReadAllAsync(fresh);

        Assert.Equal(20, latest.CheckpointVersion);
        Assert.Equal(25, latest.Version);
        Assert.Equal(10, at15.CheckpointVersion);
        Assert.Equal(50, latest.Files.Count);
        Assert.Equal(30, at15.Files.Count);
        Assert.Equal(50, rows.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), rows.Select(r => (long)r[0]!).Order());
        Assert.Equal((await table.GetSnapshotAsync()).Files.Select(f => f.Add.Stats), latest.Files.Select(f => f.Add.Stats));
        Assert.Equal(Batches.Orders, latest.Schema);
    }

    [Fact]
    public async Task StaleLastCheckpoint_FallsBackToListing()
    {
        var (_, store, _) = await TableWithCommitsAsync(12);
        await store.PutAsync("t/_delta_log/_last_checkpoint", new MemoryStream("{\"version\":90,\"size\":3}"u8.ToArray()), default);

        var snapshot = await DeltaTable.ForPath(store, "t").GetSnapshotAsync();

        Assert.Equal(12, snapshot.Version);
        Assert.Equal(10, snapshot.CheckpointVersion);
    }

    [Fact]
    public async Task ExpiredLogCleanup_KeepsNewestCheckpointBeforeCutoffAndEverythingAfter()
    {
        var (table, store, time) = await TableWithCommitsAsync(25);
        time.Advance(TimeSpan.FromDays(31));

        var deleted = await table.CleanupExpiredLogsAsync();
        var remaining = await store.ListAsync("t/_delta_log/", null, default).Select(o => o.Key[(o.Key.LastIndexOf('/') + 1)..]).ToListAsync();
        var snapshot = await DeltaTable.ForPath(store, "t").GetSnapshotAsync();

        Assert.Equal(21, deleted);
        Assert.Contains("00000000000000000020.checkpoint.parquet", remaining);
        Assert.Contains("00000000000000000020.json", remaining);
        Assert.DoesNotContain("00000000000000000019.json", remaining);
        Assert.DoesNotContain("00000000000000000010.checkpoint.parquet", remaining);
        Assert.Equal(25, snapshot.Version);
        Assert.Equal(50, snapshot.Files.Count);
    }

    [Fact]
    public async Task ExpiredLogCleanup_WithinRetention_DeletesNothing()
    {
        var (table, _, _) = await TableWithCommitsAsync(12);

        Assert.Equal(0, await table.CleanupExpiredLogsAsync());
    }
}
