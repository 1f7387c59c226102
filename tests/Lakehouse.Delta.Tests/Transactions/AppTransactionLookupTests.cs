using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Tests.Writing;
using Lakehouse.Delta.Writing;
using Lakehouse.Testing;

namespace Lakehouse.Delta.Tests.Transactions;

public sealed class AppTransactionLookupTests
{
    private static async Task<DeltaTable> TableWithAppIdsAsync(InMemoryObjectStore store)
    {
        var table = await DeltaTable.CreateAsync(store, "t", Batches.Orders, new CreateTableOptions { PartitionColumns = ["country"] });   // v0
        foreach (var (appId, row) in new[] { ("ingest/a", 0), ("ingest/b", 1), ("other/c", 2) })                                           // v1..v3
        {
            var tx = await table.StartTransactionAsync();
            tx.SetTransaction(appId, tx.Snapshot!.Version + 1);
            await tx.WriteAsync(Batches.OrdersBatch(row, 1));
            await tx.CommitAsync();
        }

        return table;
    }

    [Fact]
    public async Task FindAppTransactionCommit_ReturnsTheVersionWhoseCommitCarriesTheAppId()
    {
        var table = await TableWithAppIdsAsync(new InMemoryObjectStore(new FakeTimeProvider()));

        Assert.Equal(1, await table.FindAppTransactionCommitAsync("ingest/a"));
        Assert.Equal(2, await table.FindAppTransactionCommitAsync("ingest/b", fromVersion: 2));
        Assert.Equal(3, await table.FindAppTransactionCommitAsync("other/c"));
    }

    [Fact]
    public async Task FindAppTransactionCommit_UnknownAppIdOrBelowFromVersion_ReturnsNull()
    {
        var table = await TableWithAppIdsAsync(new InMemoryObjectStore(new FakeTimeProvider()));

        Assert.Null(await table.FindAppTransactionCommitAsync("ingest/zzz"));
        Assert.Null(await table.FindAppTransactionCommitAsync("ingest/a", fromVersion: 2));
        Assert.Null(await table.FindAppTransactionCommitAsync("ingest"));   // a prefix of app ids is not an app id
    }
}
