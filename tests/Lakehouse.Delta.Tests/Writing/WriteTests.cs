using System.Text.Json;
using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;
using Lakehouse.Testing;

namespace Lakehouse.Delta.Tests.Writing;

public class WriteTests
{
    private static async Task<DeltaTable> CreateAsync(IObjectStore? store = null, IReadOnlyList<string>? partitionBy = null, StructType? schema = null, Dictionary<string, string>? config = null) =>
        await DeltaTable.CreateAsync(store ?? new InMemoryObjectStore(), "lake/orders", schema ?? Batches.Orders,
            new CreateTableOptions { PartitionColumns = partitionBy ?? [], Configuration = config }, timeProvider: new FakeTimeProvider());

    [Fact]
    public async Task Append_ThenRead_ReturnsTheSameRows()
    {
        var table = await CreateAsync();

        var result = await table.AppendAsync(Batches.OrdersBatch(0, 10));
        var rows = await Batches.ReadAllAsync(table);

        Assert.Equal(1, result.Version);
        Assert.Equal(10, rows.Count);
        var first = rows.Single(r => Equals(r[0], 3L));
        Assert.Equal("DE", first[1]);
        Assert.Equal(new DecimalValue(305, 2), first[2]);
        Assert.Equal(new DateOnly(2024, 1, 1), first[3]);
    }

    [Fact]
    public async Task PartitionedAppend_WritesOneFilePerPartitionInHiveFolders()
    {
        var store = new InMemoryObjectStore();
        var table = await CreateAsync(store, ["country"]);

        await table.AppendAsync(Batches.OrdersBatch(0, 10, i => i < 3 ? null : i % 2 == 0 ? "FR" : "a/b"));
        var snapshot = await table.GetSnapshotAsync();
        var rows = await Batches.ReadAllAsync(table);

        Assert.Equal(3, snapshot.Files.Count);
        Assert.Contains(snapshot.Files, f => f.Path.StartsWith("country=__HIVE_DEFAULT_PARTITION__/part-00000-", StringComparison.Ordinal) && f.PartitionValues["country"] is null);
        Assert.Contains(snapshot.Files, f => f.Path.StartsWith("country=a%252Fb/", StringComparison.Ordinal) && Equals(f.PartitionValues["country"], "a/b"));
        Assert.All(snapshot.Files, f => Assert.NotNull(store.HeadAsync(f.Key, default).Result));
        Assert.Equal(3, rows.Count(r => r[1] is null));
        Assert.Equal(4, rows.Count(r => Equals(r[1], "a/b")));
        Assert.Equal(Batches.Orders, snapshot.Schema);
    }

    [Fact]
    public async Task Append_RecordsSparkLikeStats()
    {
        var table = await CreateAsync();
        var schema = Batches.Orders;

        await table.AppendAsync(Batches.OrdersBatch(0, 4));
        var stats = (await table.GetSnapshotAsync()).Files.Single().Add.Stats!;
        using var doc = JsonDocument.Parse(stats);
        var root = doc.RootElement;

        Assert.Equal(4, root.GetProperty("numRecords").GetInt64());
        Assert.Equal(0, root.GetProperty("minValues").GetProperty("id").GetInt64());
        Assert.Equal(3, root.GetProperty("maxValues").GetProperty("id").GetInt64());
        Assert.Equal("0.05", root.GetProperty("minValues").GetProperty("amount").GetRawText());
        Assert.Equal("2024-01-01", root.GetProperty("minValues").GetProperty("day").GetString());
        Assert.Equal("2024-01-01T10:00:00.000Z", root.GetProperty("minValues").GetProperty("ts").GetString());
        Assert.Equal("DE", root.GetProperty("minValues").GetProperty("country").GetString());
        Assert.Equal(0, root.GetProperty("nullCount").GetProperty("country").GetInt64());
        Assert.NotNull(schema);
    }

    [Fact]
    public async Task Overwrite_ByPartitionPredicate_ReplacesOnlyThatPartition()
    {
        var table = await CreateAsync(partitionBy: ["country"]);
        await table.AppendAsync(Batches.OrdersBatch(0, 10));

        var result = await table.OverwriteAsync([Batches.OrdersBatch(100, 3, _ => "FR")], PartitionPredicate.Equal("country", "FR"));
        var rows = await Batches.ReadAllAsync(table);
        var history = await table.GetHistoryAsync(1);

        Assert.Equal(2, result.Version);
        Assert.Equal(5, rows.Count(r => Equals(r[1], "DE")));
        Assert.Equal([100L, 101L, 102L], rows.Where(r => Equals(r[1], "FR")).Select(r => (long)r[0]!).Order());
        Assert.Equal("Overwrite", history[0].Info!.OperationParameters!["mode"]);
        Assert.Equal("country = 'FR'", history[0].Info!.OperationParameters!["predicate"]);
        Assert.False(history[0].Info!.IsBlindAppend);
    }

    [Fact]
    public async Task Overwrite_WithDataOutsidePredicate_IsRefused()
    {
        var table = await CreateAsync(partitionBy: ["country"]);

        var ex = await Assert.ThrowsAsync<DeltaWriteException>(() =>
            table.OverwriteAsync([Batches.OrdersBatch(0, 2)], PartitionPredicate.Equal("country", "FR")));

        Assert.Contains("outside the overwritten partitions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WholeOverwrite_AndDeletePartitions_RemoveFilesAsTombstones()
    {
        var table = await CreateAsync(partitionBy: ["country"]);
        await table.AppendAsync(Batches.OrdersBatch(0, 10));
        await table.OverwriteAsync([Batches.OrdersBatch(50, 4)]);

        var deleted = await table.DeletePartitionsAsync(PartitionPredicate.Equal("country", "DE"));
        var snapshot = await table.GetSnapshotAsync();
        var rows = await Batches.ReadAllAsync(table);

        Assert.Equal(3, deleted.Version);
        Assert.Equal([50L, 52L], rows.Select(r => (long)r[0]!).Order());
        Assert.Equal(3, snapshot.Tombstones.Count);
        Assert.Equal(10, (await Batches.ReadAllAsync(table, 1)).Count);
        Assert.Equal("DELETE", (await table.GetHistoryAsync(1))[0].Info!.Operation);
    }

    [Fact]
    public async Task Append_WithNewColumn_RefusedUnlessMergeSchema()
    {
        var table = await CreateAsync(schema: new StructType(new StructField("id", DataType.Long)));
        var wider = new StructType(new StructField("id", DataType.Long), new StructField("note", DataType.String));
        await table.AppendAsync(Batches.Of(new StructType(new StructField("id", DataType.Long)), [1L]));

        var ex = await Assert.ThrowsAsync<DeltaWriteException>(() => table.AppendAsync(Batches.Of(wider, [2L, "x"])));
        var merged = await table.AppendAsync(Batches.Of(wider, [2L, "x"]), new WriteOptions { MergeSchema = true });
        var rows = await Batches.ReadAllAsync(table);

        Assert.Contains("'note'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, merged.Version);
        Assert.Equal(wider, (await table.GetSnapshotAsync()).Schema);
        Assert.Equal(new object?[] { 1L, null }, rows.Single(r => Equals(r[0], 1L)));
        Assert.Equal(new object?[] { 2L, "x" }, rows.Single(r => Equals(r[0], 2L)));
    }

    [Fact]
    public async Task Append_WithIncompatibleType_IsRefusedNamingColumnAndBothTypes()
    {
        var table = await CreateAsync(schema: new StructType(new StructField("id", DataType.Long)));

        var ex = await Assert.ThrowsAsync<DeltaWriteException>(() =>
            table.AppendAsync(Batches.Of(new StructType(new StructField("id", DataType.String)), ["1"])));

        Assert.Contains("'id'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("long", ex.Message, StringComparison.Ordinal);
        Assert.Contains("string", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_ViolatingInvariantOrNotNull_IsRefusedAndNothingCommitted()
    {
        var schema = new StructType(
            new StructField("id", DataType.Long, false),
            new StructField("qty", DataType.Integer, true, """{"delta.invariants":"{\"expression\":{\"expression\":\"qty > 0\"}}"}"""));
        var table = await CreateAsync(schema: schema);

        await table.AppendAsync(Batches.Of(schema, [1L, 5]));
        var invariant = await Assert.ThrowsAsync<DeltaWriteException>(() => table.AppendAsync(Batches.Of(schema, [2L, 0])));
        var notNull = await Assert.ThrowsAsync<DeltaWriteException>(() => table.AppendAsync(Batches.Of(schema, [null, 3])));

        Assert.Contains("qty > 0", invariant.Message, StringComparison.Ordinal);
        Assert.Contains("'id'", notNull.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await table.GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Append_WithUnsupportedInvariant_IsRefusedClearly()
    {
        var schema = new StructType(new StructField("qty", DataType.Integer, true, """{"delta.invariants":"{\"expression\":{\"expression\":\"qty % 2 = 0\"}}"}"""));
        var table = await CreateAsync(schema: schema);

        var ex = await Assert.ThrowsAsync<DeltaWriteException>(() => table.AppendAsync(Batches.Of(schema, [2])));

        Assert.Contains("cannot evaluate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdempotentWriter_SetTransaction_IsVisibleInSnapshot()
    {
        var table = await CreateAsync();
        var tx = await table.StartTransactionAsync();
        await tx.WriteAsync(Batches.OrdersBatch(0, 2));
        tx.SetTransaction("ingest-orders", 41);

        await tx.CommitAsync();

        Assert.Equal(41, await table.GetAppTransactionVersionAsync("ingest-orders"));
    }

    [Fact]
    public async Task Rewrite_RemoveAndAddWithoutDataChange_KeepsRows()
    {
        var table = await CreateAsync();
        await table.AppendAsync(Batches.OrdersBatch(0, 3));
        await table.AppendAsync(Batches.OrdersBatch(3, 3));
        var snapshot = await table.GetSnapshotAsync();
        var tx = table.StartTransaction(snapshot);
        tx.Operation = Lakehouse.Delta.Transactions.DeltaOperation.Optimize;
        foreach (var f in snapshot.Files)
        {
            tx.RemoveFile(f, dataChange: false);
            await foreach (var b in table.ReadFileAsync(snapshot, f))
            {
                await tx.WriteAsync(b, new WriteOptions { DataChange = false });
            }
        }

        await tx.CommitAsync();
        var after = await table.GetSnapshotAsync();

        Assert.Equal(2, after.Files.Count);
        Assert.All(after.Files, f => Assert.False(f.Add.DataChange));
        Assert.Equal(6, (await Batches.ReadAllAsync(table)).Count);
    }
}
