using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Tests.Writing;
using Lakehouse.Delta.Writing;
using Lakehouse.Testing;

namespace Lakehouse.Delta.Tests.Maintenance;

public sealed class TransactionRetentionTests
{
    [Fact]
    public async Task Checkpoint_DropsAppIdsOlderThanSetTransactionRetention_AndKeepsRecentOnes()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryObjectStore(time);
        var table = await DeltaTable.CreateAsync(store, "t", Batches.Orders, new CreateTableOptions
        {
            PartitionColumns = ["country"],
            Configuration = new Dictionary<string, string> { ["delta.setTransactionRetentionDuration"] = "interval 2 days" },
        }, timeProvider: time);

        var old = await table.StartTransactionAsync();
        old.SetTransaction("ingest/old", 0);
        await old.WriteAsync(Batches.OrdersBatch(0, 1));
        await old.CommitAsync();
        time.Advance(TimeSpan.FromDays(3));
        var recent = await table.StartTransactionAsync();
        recent.SetTransaction("ingest/recent", 0);
        await recent.WriteAsync(Batches.OrdersBatch(1, 1));
        await recent.CommitAsync();

        await table.CheckpointAsync();
        var fresh = await DeltaTable.ForPath(store, "t").GetSnapshotAsync();

        Assert.Null(fresh.GetAppTransactionVersion("ingest/old"));
        Assert.Equal(0, fresh.GetAppTransactionVersion("ingest/recent"));
        Assert.Equal(2, fresh.Files.Count);
    }

    [Fact]
    public async Task Checkpoint_WithoutRetention_KeepsEveryAppId()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryObjectStore(time);
        var table = await DeltaTable.CreateAsync(store, "t", Batches.Orders, new CreateTableOptions { PartitionColumns = ["country"] }, timeProvider: time);
        var tx = await table.StartTransactionAsync();
        tx.SetTransaction("ingest/old", 3);
        await tx.CommitAsync();
        time.Advance(TimeSpan.FromDays(400));

        await table.CheckpointAsync();

        Assert.Equal(3, (await DeltaTable.ForPath(store, "t").GetSnapshotAsync()).GetAppTransactionVersion("ingest/old"));
    }
}
