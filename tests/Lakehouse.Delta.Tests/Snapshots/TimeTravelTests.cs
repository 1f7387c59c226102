using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Tests.Writing;
using Lakehouse.Testing;

namespace Lakehouse.Delta.Tests.Snapshots;

public class TimeTravelTests
{
    [Fact]
    public async Task SnapshotAtTimestamp_ReturnsNewestVersionCommittedAtOrBefore()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = new InMemoryObjectStore(time);
        var table = await DeltaTable.CreateAsync(store, "t", Batches.Orders, timeProvider: time);
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromHours(1));
            await table.AppendAsync(Batches.OrdersBatch(i, 1));
        }

        var at = await table.GetSnapshotAtAsync(new DateTimeOffset(2026, 1, 1, 2, 30, 0, TimeSpan.Zero));
        var exact = await table.GetSnapshotAtAsync(new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.Zero));
        var ex = await Assert.ThrowsAsync<DeltaProtocolException>(() => table.GetSnapshotAtAsync(new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(2, at.Version);
        Assert.Equal(1, exact.Version);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero), at.Timestamp);
        Assert.Contains("earliest available commit", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_WithoutTable_ThrowsTableNotFound()
    {
        var ex = await Assert.ThrowsAsync<DeltaTableNotFoundException>(() => DeltaTable.OpenAsync(new InMemoryObjectStore(), "nothing/here"));

        Assert.Contains("memory:///nothing/here", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReaderVersion2Table_FailsClosedNamingTheVersion()
    {
        var store = new InMemoryObjectStore();
        var log = new PutIfAbsentLogStore(store, "t");
        await log.TryWriteCommitAsync(0, """
            {"protocol":{"minReaderVersion":2,"minWriterVersion":5}}
            {"metaData":{"id":"x","format":{"provider":"parquet","options":{}},"schemaString":"{\"type\":\"struct\",\"fields\":[]}","partitionColumns":[],"configuration":{"delta.columnMapping.mode":"name"}}}
            """u8.ToArray(), default);

        var ex = await Assert.ThrowsAsync<DeltaProtocolException>(() => DeltaTable.ForPath(store, "t").GetSnapshotAsync());

        Assert.Contains("reader version 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriterVersion3Table_ReadableButWritesRefused()
    {
        var store = new InMemoryObjectStore();
        var log = new PutIfAbsentLogStore(store, "t");
        await log.TryWriteCommitAsync(0, """
            {"protocol":{"minReaderVersion":1,"minWriterVersion":3}}
            {"metaData":{"id":"x","format":{"provider":"parquet","options":{}},"schemaString":"{\"type\":\"struct\",\"fields\":[{\"name\":\"id\",\"type\":\"long\",\"nullable\":true,\"metadata\":{}}]}","partitionColumns":[],"configuration":{}}}
            """u8.ToArray(), default);
        var table = DeltaTable.ForPath(store, "t");

        var snapshot = await table.GetSnapshotAsync();
        var tx = table.StartTransaction(snapshot);
        var ex = await Assert.ThrowsAsync<DeltaProtocolException>(() => tx.CommitAsync());

        Assert.Equal(0, snapshot.Version);
        Assert.Contains("writer version 3", ex.Message, StringComparison.Ordinal);
    }
}
