using Lakehouse.Aws.S3;
using Lakehouse.Delta.Storage;
using Lakehouse.Parquet;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests.S3;

[Collection("moto")]
public sealed class S3ObjectStoreRandomAccessTests(MotoServerFixture moto)
{
    [Fact]
    public async Task ParquetReader_OverRangedS3Gets_ReadsTheSameRowsAsFromDisk()
    {
        var local = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.DeltaGolden, "delta-io_delta", "data-reader-primitives"), "*.parquet").Order(StringComparer.Ordinal).First();
        using var client = moto.CreateS3Client();
        var bucket = MotoServerFixture.UniqueName("parquet");
        await client.PutBucketAsync(bucket);
        var store = new S3ObjectStore(client, new S3ObjectStoreOptions(bucket, "lake"));
        await using (var file = File.OpenRead(local))
        {
            await store.PutAsync("t/part 0.parquet", file, default);
        }

        var source = await ObjectRandomAccessSource.OpenAsync(store, "t/part 0.parquet", knownLength: null, default);
        await using var fromS3 = await ParquetFileReader.OpenAsync(source);
        using var fromDisk = ParquetFileReader.Open(local);

        Assert.Equal(new FileInfo(local).Length, source.Length);
        Assert.Equal($"s3://{bucket}/lake/t/part 0.parquet", source.Name);
        Assert.Equal(fromDisk.Schema, fromS3.Schema);
        Assert.True(fromS3.RowCount > 0);
        Assert.Equal(await RowsAsync(fromDisk), await RowsAsync(fromS3));
    }

    [Fact]
    public async Task OpenAsync_OfAMissingS3Object_ThrowsObjectNotFound()
    {
        using var client = moto.CreateS3Client();
        var bucket = MotoServerFixture.UniqueName("parquet");
        await client.PutBucketAsync(bucket);

        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(() => ObjectRandomAccessSource.OpenAsync(new S3ObjectStore(client, new S3ObjectStoreOptions(bucket)), "nope.parquet", knownLength: null, default));
        Assert.Equal($"s3://{bucket}/nope.parquet", error.Location);
    }

    [Fact]
    public async Task ReadIntoAsync_PastTheEnd_ReturnsOnlyTheBytesThatExist()
    {
        using var client = moto.CreateS3Client();
        var bucket = MotoServerFixture.UniqueName("parquet");
        await client.PutBucketAsync(bucket);
        IObjectStore store = new S3ObjectStore(client, new S3ObjectStoreOptions(bucket));
        await store.PutAsync("k", new MemoryStream("0123456789"u8.ToArray()), default);

        var buffer = new byte[8];
        var tail = await store.ReadIntoAsync("k", 6, buffer, default);
        var beyond = await store.ReadIntoAsync("k", 10, buffer, default);

        Assert.Equal(4, tail);
        Assert.Equal("6789"u8.ToArray(), buffer[..4]);
        Assert.Equal(0, beyond);
    }

    private static async Task<List<string>> RowsAsync(ParquetFileReader reader)
    {
        var rows = new List<string>();
        await foreach (var batch in reader.ReadAllAsync())
        {
            for (var row = 0; row < batch.RowCount; row++)
            {
                rows.Add(string.Join("|", batch.GetRow(row).Select(v => v switch
                {
                    null => "null",
                    byte[] bytes => Convert.ToHexString(bytes),
                    _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
                })));
            }
        }

        return rows;
    }
}
