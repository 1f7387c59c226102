using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Transactions;
using Lakehouse.Delta.Writing;
using Lakehouse.Testing;

namespace Lakehouse.Delta.Tests.Transactions;

public class CommitLoopTests
{
    private static readonly CommitOptions NoCheckpoints = new() { CheckpointAfterCommit = false };

    private static async Task<DeltaTable> CreateAsync(IObjectStore store, CreateTableOptions? options = null, ILogStore? logStore = null, CommitOptions? commitOptions = null) =>
        await DeltaTable.CreateAsync(store, "t", TestTables.Schema, options ?? new CreateTableOptions { PartitionColumns = ["country"] }, logStore, new FakeTimeProvider(), commitOptions ?? NoCheckpoints);

    [Fact]
    public async Task Create_WritesProtocolMetadataAndCommitInfoAtVersionZero()
    {
        var store = new InMemoryObjectStore();

        var table = await CreateAsync(store, new CreateTableOptions { PartitionColumns = ["country"], Configuration = new Dictionary<string, string> { ["delta.appendOnly"] = "false" } });
        var snapshot = await table.GetSnapshotAsync();
        var history = await table.GetHistoryAsync();

        Assert.Equal(0, snapshot.Version);
        Assert.Equal((1, 2), (snapshot.Protocol.MinReaderVersion, snapshot.Protocol.MinWriterVersion));
        Assert.Equal(TestTables.Schema, snapshot.Schema);
        Assert.Equal(["country"], snapshot.PartitionColumns);
        Assert.Equal("false", snapshot.Configuration["delta.appendOnly"]);
        Assert.Equal(DeltaOperation.CreateTable, Assert.Single(history).Info!.Operation);
        Assert.Equal("[\"country\"]", history[0].Info!.OperationParameters!["partitionBy"]);
    }

    [Fact]
    public async Task Create_WhenTableExists_ThrowsCommitConflictSayingSo()
    {
        var store = new InMemoryObjectStore();
        await CreateAsync(store);

        var ex = await Assert.ThrowsAsync<CommitConflictException>(() => CreateAsync(store));

        Assert.Contains("already exists", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Lakehouse.CommitConflict", ex.ErrorType);
        Assert.Equal([0L], ex.WinningVersions);
    }

    [Fact]
    public async Task Commit_TwoBlindAppendsFromSameSnapshot_BothCommitAtConsecutiveVersions()
    {
        var table = await CreateAsync(new InMemoryObjectStore());
        var a = await table.StartTransactionAsync();
        var b = await table.StartTransactionAsync();
        a.AddFile(TestTables.SyntheticAdd("country=FR/a.parquet", "FR"));
        b.AddFile(TestTables.SyntheticAdd("country=FR/b.parquet", "FR"));

        var ra = await a.CommitAsync();
        var rb = await b.CommitAsync();
        var snapshot = await table.GetSnapshotAsync();

        Assert.Equal((1L, 2L), (ra.Version, rb.Version));
        Assert.Equal([1L], rb.WinningVersions);
        Assert.Equal(2, rb.Attempts);
        Assert.Equal(2, snapshot.Files.Count);
        Assert.True((await table.GetHistoryAsync(1))[0].Info!.IsBlindAppend);
        Assert.Equal(0, (await table.GetHistoryAsync(1))[0].Info!.ReadVersion);
    }

    [Fact]
    public async Task Commit_SerializableOverwriteOfPartitionAfterConcurrentAppendThere_ThrowsNamingWinner()
    {
        var table = await CreateAsync(new InMemoryObjectStore());
        var seed = await table.StartTransactionAsync();
        await seed.AddFile(TestTables.SyntheticAdd("country=FR/0.parquet", "FR")).CommitAsync();
        var overwrite = await table.StartTransactionAsync();
        overwrite.IsolationLevel = IsolationLevel.Serializable;
        overwrite.RemoveWhere(PartitionPredicate.Equal("country", "FR"));
        overwrite.AddFile(TestTables.SyntheticAdd("country=FR/new.parquet", "FR"));
        var append = await table.StartTransactionAsync();
        await append.AddFile(TestTables.SyntheticAdd("country=FR/concurrent.parquet", "FR")).CommitAsync();

        var ex = await Assert.ThrowsAsync<CommitConflictException>(() => overwrite.CommitAsync());

        Assert.Equal([2L], ex.WinningVersions);
        Assert.Contains("concurrent commit 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("country = 'FR'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await table.GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Commit_WriteSerializableOverwriteAfterConcurrentBlindAppend_CommitsAfterIt()
    {
        var table = await CreateAsync(new InMemoryObjectStore());
        await (await table.StartTransactionAsync()).AddFile(TestTables.SyntheticAdd("country=FR/0.parquet", "FR")).CommitAsync();
        var overwrite = await table.StartTransactionAsync();
        overwrite.RemoveWhere(PartitionPredicate.Equal("country", "FR"));
        overwrite.AddFile(TestTables.SyntheticAdd("country=FR/new.parquet", "FR"));
        await (await table.StartTransactionAsync()).AddFile(TestTables.SyntheticAdd("country=FR/concurrent.parquet", "FR")).CommitAsync();

        var result = await overwrite.CommitAsync();

        Assert.Equal(3, result.Version);
        Assert.Equal(["country=FR/concurrent.parquet", "country=FR/new.parquet"], (await table.GetSnapshotAsync()).Files.Select(f => f.Path));
    }

    [Fact]
    public async Task Commit_OverwriteOfOtherPartition_RetriesAndSucceeds()
    {
        var table = await CreateAsync(new InMemoryObjectStore());
        await (await table.StartTransactionAsync()).AddFile(TestTables.SyntheticAdd("country=FR/0.parquet", "FR")).AddFile(TestTables.SyntheticAdd("country=DE/0.parquet", "DE")).CommitAsync();
        var overwrite = await table.StartTransactionAsync();
        Assert.Equal(1, overwrite.RemoveWhere(PartitionPredicate.Equal("country", "DE")));
        overwrite.AddFile(TestTables.SyntheticAdd("country=DE/1.parquet", "DE"));
        await (await table.StartTransactionAsync()).AddFile(TestTables.SyntheticAdd("country=FR/1.parquet", "FR")).CommitAsync();

        var result = await overwrite.CommitAsync();

        Assert.Equal(3, result.Version);
        Assert.Equal(["country=DE/1.parquet", "country=FR/0.parquet", "country=FR/1.parquet"], (await table.GetSnapshotAsync()).Files.Select(f => f.Path));
    }

    [Fact]
    public async Task Commit_SameAppIdCommittedConcurrently_Conflicts_AndVersionIsQueryable()
    {
        var table = await CreateAsync(new InMemoryObjectStore());
        var first = await table.StartTransactionAsync();
        var second = await table.StartTransactionAsync();
        first.SetTransaction("ingest", 1).AddFile(TestTables.SyntheticAdd("a.parquet", "FR"));
        second.SetTransaction("ingest", 1).AddFile(TestTables.SyntheticAdd("b.parquet", "FR"));
        await first.CommitAsync();

        var ex = await Assert.ThrowsAsync<CommitConflictException>(() => second.CommitAsync());

        Assert.Contains("'ingest'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, await table.GetAppTransactionVersionAsync("ingest"));
        Assert.Null(await table.GetAppTransactionVersionAsync("other"));
    }

    [Fact]
    public async Task Commit_AppendOnlyTable_RefusesRemovingData()
    {
        var table = await CreateAsync(new InMemoryObjectStore(), new CreateTableOptions
        {
            PartitionColumns = ["country"],
            Configuration = new Dictionary<string, string> { ["delta.appendOnly"] = "true" },
        });
        await (await table.StartTransactionAsync()).AddFile(TestTables.SyntheticAdd("a.parquet", "FR")).CommitAsync();
        var tx = await table.StartTransactionAsync();
        tx.RemoveWhere(PartitionPredicate.All);

        var ex = await Assert.ThrowsAsync<DeltaWriteException>(() => tx.CommitAsync());

        Assert.Contains("append-only", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commit_WhenOthersAlwaysWin_GivesUpLoudlyAfterBudget()
    {
        var store = new InMemoryObjectStore();
        var table = await CreateAsync(store);
        var racing = new AlwaysLosingLogStore(new PutIfAbsentLogStore(store, "t"));
        var loser = DeltaTable.ForPath(store, "t", racing, new FakeTimeProvider(), NoCheckpoints with { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1) });
        var tx = await loser.StartTransactionAsync();
        tx.AddFile(TestTables.SyntheticAdd("mine.parquet", "FR"));

        var ex = await Assert.ThrowsAsync<CommitConflictException>(() => tx.CommitAsync());

        Assert.Null(ex.Conflict);
        Assert.Equal([1L, 2L, 3L], ex.WinningVersions);
        Assert.Contains("after 3 attempts", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain((await table.GetSnapshotAsync()).Files, f => f.Path == "mine.parquet");
    }

    [Fact]
    public void Backoff_GrowsExponentiallyWithinCap()
    {
        var options = new CommitOptions { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(40) };

        Assert.Equal(TimeSpan.Zero, CommitLoop.Backoff(options, 1));
        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(CommitLoop.Backoff(options, 2).TotalMilliseconds, 0, 10);
            Assert.InRange(CommitLoop.Backoff(options, 10).TotalMilliseconds, 0, 40);
        }
    }

    /// <summary>A log store where another writer always commits a blind append just before us.</summary>
    private sealed class AlwaysLosingLogStore(ILogStore inner) : ILogStore
    {
        public string TableUri => inner.TableUri;

        public Task<ReadOnlyMemory<byte>?> ReadCommitAsync(long version, CancellationToken cancellationToken) => inner.ReadCommitAsync(version, cancellationToken);

        public async Task<CommitWriteResult> TryWriteCommitAsync(long version, ReadOnlyMemory<byte> actions, CancellationToken cancellationToken)
        {
            var other = ActionCodec.Serialize([TestTables.SyntheticAdd($"other-{version}.parquet", "DE")]);
            await inner.TryWriteCommitAsync(version, other, cancellationToken);
            return await inner.TryWriteCommitAsync(version, actions, cancellationToken);
        }

        public Task<long?> GetLatestVersionAsync(CancellationToken cancellationToken) => inner.GetLatestVersionAsync(cancellationToken);
    }
}
