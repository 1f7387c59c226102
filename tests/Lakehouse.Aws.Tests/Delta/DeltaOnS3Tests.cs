using Lakehouse.Aws.S3;
using Lakehouse.Aws.Tests.LogStores;
using Lakehouse.Delta;
using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests.Delta;

/// <summary>The full Delta table lifecycle on (moto) S3, once per commit coordinator.</summary>
[Collection("moto")]
public sealed class DeltaOnS3Tests(MotoServerFixture moto)
{
    private static readonly StructType Orders = new(
        new StructField("id", DataType.Long, false),
        new StructField("country", DataType.String),
        new StructField("amount", DataType.Double));

    public static TheoryData<string> Coordinators => new() { "dynamodb", "s3" };

    [Theory]
    [MemberData(nameof(Coordinators))]
    public async Task Lifecycle_CreateAppendOverwriteCheckpointTimeTravelAndCleanup(string coordinator)
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        bed.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var table = await DeltaTable.CreateAsync(
            bed.ObjectStore, LogStoreTestBed.TableRoot, Orders, new CreateTableOptions { PartitionColumns = ["country"] }, LogStore(bed, coordinator), bed.Clock);

        for (var i = 0; i < 12; i++)
        {
            bed.Clock.Advance(TimeSpan.FromMinutes(1));
            var appended = await table.AppendAsync(Rows(i * 3, 3));
            Assert.Equal(i + 1, appended.Version);
        }

        var overwritten = await table.OverwriteAsync([Rows(1000, 5)]);
        var checkpoint = await table.CheckpointAsync();

        // A fresh process: new table handle, new log store instance.
        var fresh = await DeltaTable.OpenAsync(bed.ObjectStore, LogStoreTestBed.TableRoot, LogStore(bed, coordinator), bed.Clock);
        var latest = await fresh.GetSnapshotAsync();
        Assert.Equal(13, overwritten.Version);
        Assert.Equal(13, checkpoint.Version);
        Assert.Equal(13, latest.Version);
        Assert.Equal(13, latest.CheckpointVersion);
        Assert.Equal(13, await fresh.LogStore.GetLatestVersionAsync(default));
        Assert.Equal(Enumerable.Range(1000, 5).Select(i => (long)i), (await IdsAsync(fresh, null)).Order());
        Assert.Equal(Enumerable.Range(0, 36).Select(i => (long)i), (await IdsAsync(fresh, 12)).Order());
        Assert.Equal(Enumerable.Range(0, 15).Select(i => (long)i), (await IdsAsync(fresh, 5)).Order());
        Assert.NotNull(await bed.ObjectStore.HeadAsync($"{LogStoreTestBed.TableRoot}/_delta_log/00000000000000000010.checkpoint.parquet", default));
        Assert.Equal(14, (await fresh.GetHistoryAsync()).Count);
        if (coordinator == "dynamodb")
        {
            for (var v = 0; v <= 13; v++)
            {
                Assert.True((await bed.Entries.GetAsync(bed.TablePath, $"{v:D20}.json", default))!.Complete);
            }
        }

        bed.Clock.Advance(TimeSpan.FromDays(31));
        var deleted = await fresh.CleanupExpiredLogsAsync();
        var afterCleanup = DeltaTable.ForPath(bed.ObjectStore, LogStoreTestBed.TableRoot, LogStore(bed, coordinator), bed.Clock);
        Assert.True(deleted >= 13, $"expected the commits before checkpoint 13 to be cleaned up, deleted {deleted}");
        Assert.Null(await bed.ObjectStore.HeadAsync($"{LogStoreTestBed.TableRoot}/_delta_log/00000000000000000005.json", default));
        Assert.Equal(13, (await afterCleanup.GetSnapshotAsync()).Version);
        Assert.Equal(5, (await IdsAsync(afterCleanup, null)).Count);
        Assert.Equal(14, (await afterCleanup.AppendAsync(Rows(2000, 2))).Version);
        Assert.Equal(14, await afterCleanup.LogStore.GetLatestVersionAsync(default));

        // VACUUM on S3: the 36 files the overwrite removed (31 days ago) are deleted, live files stay readable.
        var dryRun = await afterCleanup.VacuumAsync(new Lakehouse.Delta.Maintenance.VacuumOptions { DryRun = true });
        var vacuumed = await afterCleanup.VacuumAsync(new Lakehouse.Delta.Maintenance.VacuumOptions());
        Assert.Equal(dryRun.Files.Count, vacuumed.Files.Count);
        Assert.NotEmpty(vacuumed.Files);
        foreach (var file in vacuumed.Files)
        {
            Assert.Null(await bed.ObjectStore.HeadAsync(file.StartsWith(LogStoreTestBed.TableRoot, StringComparison.Ordinal) ? file : $"{LogStoreTestBed.TableRoot}/{file}", default));
        }

        Assert.Equal(7, (await IdsAsync(afterCleanup, null)).Count);
    }

    [Theory]
    [MemberData(nameof(Coordinators))]
    public async Task ConcurrentAppends_ThroughSeparateHandles_AllLandExactlyOnce(string coordinator)
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        await DeltaTable.CreateAsync(bed.ObjectStore, LogStoreTestBed.TableRoot, Orders, new CreateTableOptions(), LogStore(bed, coordinator), bed.Clock);
        const int writers = 4;
        const int appends = 4;

        var results = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var table = DeltaTable.ForPath(bed.ObjectStore, LogStoreTestBed.TableRoot, LogStore(bed, coordinator), bed.Clock);
            var versions = new List<long>();
            for (var a = 0; a < appends; a++)
            {
                versions.Add((await table.AppendAsync(Rows((w * 100) + (a * 10), 2))).Version);
            }

            return versions;
        })));

        var reader = await DeltaTable.OpenAsync(bed.ObjectStore, LogStoreTestBed.TableRoot, LogStore(bed, coordinator), bed.Clock);
        Assert.Equal(Enumerable.Range(1, writers * appends).Select(v => (long)v), results.SelectMany(v => v).Order());
        Assert.Equal(writers * appends, (await reader.GetSnapshotAsync()).Version);
        var expected = Enumerable.Range(0, writers).SelectMany(w => Enumerable.Range(0, appends).SelectMany(a => new long[] { (w * 100) + (a * 10), (w * 100) + (a * 10) + 1 }));
        Assert.Equal(expected.Order(), (await IdsAsync(reader, null)).Order());
    }

    [Fact]
    public async Task FileWriter_StreamsABigDataFileAsAMultipartUpload_AndAnAbandonedOneLeavesNothing()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var store = new S3ObjectStore(bed.S3, new S3ObjectStoreOptions(bed.Bucket, "streamed") { PartSize = S3ObjectStoreOptions.MinimumPartSize });
        var table = await DeltaTable.CreateAsync(store, "t", Orders, new CreateTableOptions(), timeProvider: bed.Clock);
        var random = new Random(11);

        var tx = await table.StartTransactionAsync();
        await using (var writer = tx.OpenFileWriter())
        {
            for (var b = 0; b < 8; b++)
            {
                // Random doubles do not compress: 8 × 100k rows make a file above one 5 MiB part.
                var batch = RecordBatch.CreateEmpty(Orders, 100_000);
                for (var i = 0; i < 100_000; i++)
                {
                    batch.Columns[0].AppendValue((long)((b * 100_000) + i));
                    batch.Columns[1].AppendValue("FR");
                    batch.Columns[2].AppendValue(random.NextDouble());
                }

                await writer.WriteAsync(batch);
            }

            await writer.CompleteAsync();
        }

        await tx.CommitAsync();
        var file = (await table.GetSnapshotAsync()).Files.Single();
        var head = await store.HeadAsync(file.Key, default);
        Assert.Equal(file.Size, head!.Size);
        Assert.True(file.Size > S3ObjectStoreOptions.MinimumPartSize);
        Assert.EndsWith("-2\"", head.ETag, StringComparison.Ordinal); // a multipart ETag names its part count
        Assert.Equal(800_000, (await IdsAsync(table, null)).Count);

        var abandoned = await table.StartTransactionAsync();
        await using (var writer = abandoned.OpenFileWriter())
        {
            await writer.WriteAsync(Rows(0, 1000));
        }

        var uploads = await bed.S3.ListMultipartUploadsAsync(new Amazon.S3.Model.ListMultipartUploadsRequest { BucketName = bed.Bucket });
        Assert.Empty(uploads.MultipartUploads ?? []);
        var dataObjects = new List<string>();
        await foreach (var o in store.ListAsync("t/", null, default))
        {
            if (!o.Key.Contains("_delta_log", StringComparison.Ordinal))
            {
                dataObjects.Add(o.Key);
            }
        }

        Assert.Equal([file.Key], dataObjects);
    }

    private static ILogStore LogStore(LogStoreTestBed bed, string coordinator) =>
        coordinator == "dynamodb" ? bed.DynamoStore() : bed.ConditionalStore();

    private static RecordBatch Rows(int start, int count)
    {
        var batch = RecordBatch.CreateEmpty(Orders, count);
        for (var i = start; i < start + count; i++)
        {
            batch.Columns[0].AppendValue((long)i);
            batch.Columns[1].AppendValue(i % 2 == 0 ? "FR" : "DE");
            batch.Columns[2].AppendValue(i * 1.5);
        }

        return batch;
    }

    private static async Task<List<long>> IdsAsync(DeltaTable table, long? version)
    {
        var ids = new List<long>();
        await foreach (var batch in table.ReadAsync(version, ["id"]))
        {
            for (var r = 0; r < batch.RowCount; r++)
            {
                ids.Add((long)batch.Columns[0].GetValue(r)!);
            }
        }

        return ids;
    }
}
