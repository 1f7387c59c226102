using System.Text.Json;
using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet;
using Lakehouse.Parquet.Data;
using Lakehouse.Testing;
using Lakehouse.Testing.Interop;
using Lakehouse.Testing.IO;

namespace Lakehouse.Delta.Tests.Writing;

public sealed class TableFileWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new("lh-rolling");

    public void Dispose() => _dir.Dispose();

    private static Task<DeltaTable> CreateAsync(IObjectStore store, IReadOnlyList<string>? partitionBy = null, Dictionary<string, string>? config = null) =>
        DeltaTable.CreateAsync(store, "lake/orders", Batches.Orders,
            new CreateTableOptions { PartitionColumns = partitionBy ?? [], Configuration = config }, timeProvider: new FakeTimeProvider());

    private static async Task<long> CommitBatchesAsync(DeltaTable table, WriteOptions? options, params RecordBatch[] batches)
    {
        var tx = await table.StartTransactionAsync();
        await using (var writer = tx.OpenFileWriter(options))
        {
            foreach (var b in batches)
            {
                await writer.WriteAsync(b);
            }

            await writer.CompleteAsync();
        }

        return (await tx.CommitAsync()).Version;
    }

    [Fact]
    public async Task ManyBatches_BecomeOneFile_WithStatsOverAllOfThem()
    {
        var store = new InMemoryObjectStore();
        var table = await CreateAsync(store);

        await CommitBatchesAsync(table, null, Batches.OrdersBatch(10, 100), Batches.OrdersBatch(0, 5), Batches.OrdersBatch(500, 20));
        var file = (await table.GetSnapshotAsync()).Files.Single();
        var rows = await Batches.ReadAllAsync(table);
        using var stats = JsonDocument.Parse(file.Add.Stats!);

        Assert.Equal(125, rows.Count);
        Assert.Equal(Enumerable.Range(0, 5).Concat(Enumerable.Range(10, 100)).Concat(Enumerable.Range(500, 20)).Select(i => (long)i), rows.Select(r => (long)r[0]!).Order());
        Assert.Equal(125, stats.RootElement.GetProperty("numRecords").GetInt64());
        Assert.Equal(0, stats.RootElement.GetProperty("minValues").GetProperty("id").GetInt64());
        Assert.Equal(519, stats.RootElement.GetProperty("maxValues").GetProperty("id").GetInt64());
        Assert.Equal(file.Size, (await store.HeadAsync(file.Key, default))!.Size);
    }

    [Fact]
    public async Task TargetFileSize_RollsFiles_AndEachFileHasItsOwnStats()
    {
        var store = new InMemoryObjectStore();
        var table = await CreateAsync(store, config: new Dictionary<string, string> { ["delta.targetFileSize"] = "1kb" });

        await CommitBatchesAsync(table, null, Enumerable.Range(0, 6).Select(i => Batches.OrdersBatch(i * 100, 100)).ToArray());
        var files = (await table.GetSnapshotAsync()).Files;
        var rows = await Batches.ReadAllAsync(table);

        Assert.Equal(600, rows.Count);
        Assert.True(files.Count > 1, $"expected the 1 KB target to roll files, got {files.Count}");
        Assert.Equal(600, files.Sum(f => f.Stats!.NumRecords));
        foreach (var f in files)
        {
            await using var content = await store.OpenReadAsync(f.Key, default);
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            var reader = await ParquetFileReader.OpenAsync(new MemoryRandomAccessSource(copy.ToArray()), default);
            Assert.Equal(f.Stats!.NumRecords, reader.RowCount);
            Assert.Equal(copy.Length, f.Size);
        }
    }

    [Fact]
    public async Task WriteOptionsTargetFileSize_OverridesTheTableProperty()
    {
        var table = await CreateAsync(new InMemoryObjectStore(), config: new Dictionary<string, string> { ["delta.targetFileSize"] = "1kb" });

        await CommitBatchesAsync(table, new WriteOptions { TargetFileSize = 64L << 20 }, Batches.OrdersBatch(0, 100), Batches.OrdersBatch(100, 100));

        Assert.Single((await table.GetSnapshotAsync()).Files);
    }

    [Fact]
    public async Task PartitionedBatches_KeepOneOpenFilePerPartition()
    {
        var table = await CreateAsync(new InMemoryObjectStore(), ["country"]);

        await CommitBatchesAsync(table, null, Batches.OrdersBatch(0, 10), Batches.OrdersBatch(10, 10), Batches.OrdersBatch(20, 10, _ => "IT"));
        var files = (await table.GetSnapshotAsync()).Files;

        Assert.Equal(["DE", "FR", "IT"], files.Select(f => f.PartitionValues["country"]).Order());
        Assert.Equal(10, files.Single(f => Equals(f.PartitionValues["country"], "DE")).Stats!.NumRecords);
        Assert.Equal(30, (await Batches.ReadAllAsync(table)).Count);
    }

    [Fact]
    public async Task MorePartitionsThanMaxOpenFiles_ClosesTheLeastRecentlyWritten_AndKeepsEveryRow()
    {
        var table = await CreateAsync(new InMemoryObjectStore(), ["country"]);
        string[] countries = ["DE", "FR", "IT", "ES", "PL"];
        var tx = await table.StartTransactionAsync();
        var maxOpen = 0;
        await using (var writer = tx.OpenFileWriter(new WriteOptions { MaxOpenFiles = 2 }))
        {
            // Rows of the five partitions interleaved, batch after batch: every batch reopens closed partitions.
            for (var b = 0; b < 4; b++)
            {
                await writer.WriteAsync(Batches.OrdersBatch(b * 50, 50, i => countries[i % countries.Length]));
                maxOpen = Math.Max(maxOpen, writer.OpenFiles);
            }

            await writer.CompleteAsync();
        }

        await tx.CommitAsync();
        var files = (await table.GetSnapshotAsync()).Files;
        var rows = await Batches.ReadAllAsync(table);

        Assert.Equal(2, maxOpen);
        Assert.True(files.Count > countries.Length, $"expected partitions to be reopened in new files, got {files.Count} files");
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), rows.Select(r => (long)r[0]!).Order());
        Assert.All(rows, r => Assert.Equal(countries[(int)((long)r[0]! % countries.Length)], r[1]));
        Assert.Equal(countries.Order(), files.Select(f => f.PartitionValues["country"]!).Distinct().Order());
        Assert.Equal(200, files.Sum(f => f.Stats!.NumRecords));
    }

    [Fact]
    public async Task ManyOpenFilesOverTheBufferBudget_EndRowGroupsEarly_InTheSameFiles()
    {
        var store = new InMemoryObjectStore();
        var table = await CreateAsync(store, ["country"]);
        var tx = await table.StartTransactionAsync();
        await using (var writer = tx.OpenFileWriter(new WriteOptions { MaxBufferedBytes = 1024 }))
        {
            for (var b = 0; b < 6; b++)
            {
                await writer.WriteAsync(Batches.OrdersBatch(b * 200, 200));
            }

            await writer.CompleteAsync();
        }

        await tx.CommitAsync();
        var files = (await table.GetSnapshotAsync()).Files;
        var rows = await Batches.ReadAllAsync(table);

        Assert.Equal(["DE", "FR"], files.Select(f => f.PartitionValues["country"]!).Order());
        Assert.Equal(1200, rows.Count);
        foreach (var f in files)
        {
            await using var content = await store.OpenReadAsync(f.Key, default);
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            var reader = await ParquetFileReader.OpenAsync(new MemoryRandomAccessSource(copy.ToArray()), default);
            Assert.True(reader.RowGroups.Count > 1, $"expected row groups ended early in {f.Key}, got {reader.RowGroups.Count}");
            Assert.Equal(600, reader.RowCount);
        }
    }

    [Fact]
    public async Task OnePartition_NeverEndsRowGroupsEarly_WhateverTheBudget()
    {
        var store = new InMemoryObjectStore();
        var table = await CreateAsync(store);

        await CommitBatchesAsync(table, new WriteOptions { MaxBufferedBytes = 1 }, Batches.OrdersBatch(0, 200), Batches.OrdersBatch(200, 200));
        var file = (await table.GetSnapshotAsync()).Files.Single();
        await using var content = await store.OpenReadAsync(file.Key, default);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        var reader = await ParquetFileReader.OpenAsync(new MemoryRandomAccessSource(copy.ToArray()), default);

        Assert.Single(reader.RowGroups);
    }

    [Fact]
    public async Task ToLiveFile_OfAnAddFromTheLog_EqualsTheSnapshotsOwnFile()
    {
        var table = await CreateAsync(new InMemoryObjectStore(), ["country"]);
        await CommitBatchesAsync(table, null, Batches.OrdersBatch(0, 10));
        var snapshot = await table.GetSnapshotAsync();

        foreach (var file in snapshot.Files)
        {
            var resolved = table.ToLiveFile(snapshot, file.Add);

            Assert.Equal(file.Key, resolved.Key);
            Assert.Equal(file.PartitionValues.OrderBy(kv => kv.Key), resolved.PartitionValues.OrderBy(kv => kv.Key));
            Assert.StartsWith("lake/orders/country=", resolved.Key, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NewColumnMidStream_ClosesTheFile_AndStartsOneWithTheWiderSchema()
    {
        var table = await CreateAsync(new InMemoryObjectStore());
        var wider = new StructType([.. Batches.Orders.Fields, new StructField("note", DataType.String)]);
        var second = Batches.Of(wider, [99L, "FR", new DecimalValue(1, 2), new DateOnly(2024, 1, 1), new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), "hello"]);

        await CommitBatchesAsync(table, new WriteOptions { MergeSchema = true }, Batches.OrdersBatch(0, 3), second);
        var snapshot = await table.GetSnapshotAsync();
        var rows = await Batches.ReadAllAsync(table);

        Assert.Equal(2, snapshot.Files.Count);
        Assert.Equal("note", snapshot.Schema.Fields[^1].Name);
        Assert.Equal("hello", rows.Single(r => Equals(r[0], 99L))[5]);
        Assert.Null(rows.Single(r => Equals(r[0], 0L))[5]);
    }

    [Fact]
    public async Task DisposeWithoutComplete_LeavesNoObjectsAndNoTempFiles()
    {
        var store = new FileSystemObjectStore(_dir.Path);
        var table = await CreateAsync(store);
        var tx = await table.StartTransactionAsync();

        await using (var writer = tx.OpenFileWriter())
        {
            await writer.WriteAsync(Batches.OrdersBatch(0, 1000));
        }

        Assert.Empty(tx.AddedFiles);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(_dir.Path, "lake", "orders"), "*", SearchOption.AllDirectories), f => !f.Contains("_delta_log", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailingStore_SurfacesItsError_WithoutHanging()
    {
        var table = await CreateAsync(new FailingPutStore(new InMemoryObjectStore()));
        var tx = await table.StartTransactionAsync();
        await using var writer = tx.OpenFileWriter();

        var ex = await Assert.ThrowsAsync<IOException>(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await writer.WriteAsync(Batches.OrdersBatch(i * 10_000, 10_000));
            }

            await writer.CompleteAsync();
        });

        Assert.Equal("disk full (test)", ex.Message);
        Assert.Empty(tx.AddedFiles);
    }

    [Fact]
    public async Task RolledFiles_AreReadByDuckDb_WithTheSameRowsAsTheStats()
    {
        var store = new FileSystemObjectStore(_dir.Path);
        var table = await CreateAsync(store, config: new Dictionary<string, string> { ["delta.targetFileSize"] = "16kb" });

        await CommitBatchesAsync(table, null, Enumerable.Range(0, 8).Select(i => Batches.OrdersBatch(i * 500, 500)).ToArray());
        var files = (await table.GetSnapshotAsync()).Files;
        var glob = Path.Combine(_dir.Path, "lake", "orders", "*.parquet");
        var result = await InteropHarness.Shared.QueryDuckDbAsync(
            $"SELECT count(*) AS n, count(DISTINCT id) AS d, sum(id) AS s FROM read_parquet({InteropHarness.SqlString(glob)})");

        Assert.True(files.Count > 1);
        Assert.Equal("4000", result[0, "n"]!.ToString());
        Assert.Equal("4000", result[0, "d"]!.ToString());
        Assert.Equal((3999L * 4000 / 2).ToString(System.Globalization.CultureInfo.InvariantCulture), result[0, "s"]!.ToString());
    }

    /// <summary>A store whose streamed PUTs fail after reading some of the content (as a full disk or a dropped connection would).</summary>
    private sealed class FailingPutStore(IObjectStore inner) : IObjectStore
    {
        public string Describe(string key) => inner.Describe(key);

        public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken) => inner.HeadAsync(key, cancellationToken);

        public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

        public Task<ReadOnlyMemory<byte>> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken) => inner.ReadRangeAsync(key, offset, length, cancellationToken);

        public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
        {
            if (!key.EndsWith(".parquet", StringComparison.Ordinal))
            {
                await inner.PutAsync(key, content, cancellationToken);
                return;
            }

            var buffer = new byte[4096];
            _ = await content.ReadAsync(buffer, cancellationToken);
            throw new IOException("disk full (test)");
        }

        public Task<PutIfAbsentResult> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.PutIfAbsentAsync(key, content, cancellationToken);

        public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, string? startAfter, CancellationToken cancellationToken) => inner.ListAsync(prefix, startAfter, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);
    }
}
