using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Maintenance;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Tests.Writing;
using Lakehouse.Delta.Writing;
using Lakehouse.Testing;

namespace Lakehouse.Delta.Tests.Maintenance;

public class VacuumAndOptimizeTests
{
    private static async Task<(DeltaTable Table, InMemoryObjectStore Store, FakeTimeProvider Time)> CreateAsync()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryObjectStore(time);
        var table = await DeltaTable.CreateAsync(store, "t", Batches.Orders, new CreateTableOptions { PartitionColumns = ["country"] }, timeProvider: time);
        return (table, store, time);
    }

    [Fact]
    public async Task Vacuum_DeletesOnlyExpiredUnreferencedFiles_DryRunDeletesNothing()
    {
        var (table, store, time) = await CreateAsync();
        await table.AppendAsync(Batches.OrdersBatch(0, 4));
        var old = (await table.GetSnapshotAsync()).Files.Select(f => f.Key).ToList();
        await table.OverwriteAsync([Batches.OrdersBatch(10, 4)]);
        await store.PutAsync("t/_hidden/x.parquet", new MemoryStream([1]), default);
        await store.PutAsync("t/country=FR/orphan.parquet", new MemoryStream([1]), default);
        time.Advance(TimeSpan.FromDays(8));
        await store.PutAsync("t/country=FR/in-flight.parquet", new MemoryStream([1]), default);

        var dry = await table.VacuumAsync(new VacuumOptions { DryRun = true });
        var countBefore = store.Count;
        var real = await table.VacuumAsync();

        Assert.Equal(old.Append("t/country=FR/orphan.parquet").Order(StringComparer.Ordinal), dry.Files.Order(StringComparer.Ordinal));
        Assert.Equal(countBefore - dry.Files.Count, store.Count);
        Assert.Equal(dry.Files, real.Files);
        Assert.NotNull(await store.HeadAsync("t/_hidden/x.parquet", default));
        Assert.NotNull(await store.HeadAsync("t/country=FR/in-flight.parquet", default));
        Assert.Equal(4, (await Batches.ReadAllAsync(table)).Count);
    }

    [Fact]
    public async Task Vacuum_TombstonesWithinRetention_AreKept()
    {
        var (table, _, time) = await CreateAsync();
        await table.AppendAsync(Batches.OrdersBatch(0, 4));
        time.Advance(TimeSpan.FromDays(10));
        await table.OverwriteAsync([Batches.OrdersBatch(10, 4)]);
        time.Advance(TimeSpan.FromDays(1));

        var result = await table.VacuumAsync();

        Assert.Empty(result.Files);
    }

    [Fact]
    public async Task Vacuum_ShorterThanConfiguredRetention_IsRefusedUnlessForced()
    {
        var (table, _, _) = await CreateAsync();

        var ex = await Assert.ThrowsAsync<DeltaWriteException>(() => table.VacuumAsync(new VacuumOptions { Retention = TimeSpan.FromHours(1) }));
        var forced = await table.VacuumAsync(new VacuumOptions { Retention = TimeSpan.Zero, Force = true, DryRun = true });

        Assert.Contains("Refusing to VACUUM", ex.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, forced.Retention);
    }

    [Fact]
    public async Task Optimize_CompactsSmallFilesPerPartition_WithoutDataChange()
    {
        var (table, _, _) = await CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            await table.AppendAsync(Batches.OrdersBatch(i * 10, 10));
        }

        var before = await Batches.ReadAllAsync(table);
        var result = await table.OptimizeAsync();
        var snapshot = await table.GetSnapshotAsync();
        var after = await Batches.ReadAllAsync(table);
        var history = await table.GetHistoryAsync(1);

        Assert.Equal((8, 2), (result.FilesRemoved, result.FilesAdded));
        Assert.Equal(2, snapshot.Files.Count);
        Assert.All(snapshot.Files, f => Assert.Equal(20, f.Stats!.NumRecords));
        Assert.Equal(before.Select(r => (long)r[0]!).Order(), after.Select(r => (long)r[0]!).Order());
        Assert.Equal("OPTIMIZE", history[0].Info!.Operation);
        Assert.All(snapshot.Tombstones, t => Assert.False(t.DataChange));
        Assert.Null((await table.OptimizeAsync()).Version);
    }

    [Fact]
    public async Task Optimize_WithPredicate_OnlyTouchesMatchingPartitions()
    {
        var (table, _, _) = await CreateAsync();
        await table.AppendAsync(Batches.OrdersBatch(0, 10));
        await table.AppendAsync(Batches.OrdersBatch(10, 10));

        var result = await table.OptimizeAsync(new OptimizeOptions { Predicate = PartitionPredicate.Equal("country", "FR") });
        var snapshot = await table.GetSnapshotAsync();

        Assert.Equal(2, result.FilesRemoved);
        Assert.Equal(2, snapshot.Files.Count(f => Equals(f.PartitionValues["country"], "DE")));
        Assert.Equal(1, snapshot.Files.Count(f => Equals(f.PartitionValues["country"], "FR")));
    }

    [Fact]
    public async Task CompactionWithSnapshotIsolation_ConcurrentAppendInSamePartition_DoesNotConflict()
    {
        var (table, _, _) = await CreateAsync();
        await table.AppendAsync(Batches.OrdersBatch(0, 10));
        await table.AppendAsync(Batches.OrdersBatch(10, 10));
        var stale = DeltaTable.ForPath(table.Store, "t", timeProvider: table.TimeProvider);
        var snapshot = await stale.GetSnapshotAsync();
        await table.AppendAsync(Batches.OrdersBatch(100, 2));

        var tx = stale.StartTransaction(snapshot);
        tx.IsolationLevel = Lakehouse.Delta.Transactions.IsolationLevel.SnapshotIsolation;
        foreach (var f in tx.ReadFiles(PartitionPredicate.All).Where(f => Equals(f.PartitionValues["country"], "FR")))
        {
            tx.RemoveFile(f, dataChange: false);
        }

        var result = await tx.CommitAsync();

        Assert.Equal(4, result.Version);
    }
}
