using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Lakehouse.Aws.Errors;
using Lakehouse.Aws.S3;
using Lakehouse.Aws.Tests.Faults;
using Lakehouse.Aws.Tests.Storage;
using Lakehouse.Delta.Storage;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests.S3;

[Collection("moto")]
public sealed class S3ObjectStoreTests(MotoServerFixture moto)
{
    private const int PartSize = S3ObjectStoreOptions.MinimumPartSize;

    [Fact]
    public async Task Put_AboveThePartSize_UploadsInPartsAndStoresEveryByte()
    {
        var (client, bucket) = await NewBucketAsync();
        var store = new S3ObjectStore(client, new S3ObjectStoreOptions(bucket, "t") { PartSize = PartSize });
        var bytes = new byte[(2 * PartSize) + 12345];
        new Random(7).NextBytes(bytes);

        await store.PutAsync("big/part-0.parquet", new NonSeekableStream(bytes), default);

        var head = await store.HeadAsync("big/part-0.parquet", default);
        Assert.Equal(bytes.Length, head!.Size);
        Assert.EndsWith("-3\"", head.ETag, StringComparison.Ordinal); // a multipart ETag names its part count
        Assert.Equal(bytes[(PartSize - 10)..(PartSize + 10)], (await store.ReadRangeAsync("big/part-0.parquet", PartSize - 10, 20, default)).ToArray());
        await using var stream = await store.OpenReadAsync("big/part-0.parquet", default);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Put_WhenTheSourceFailsMidUpload_AbortsTheUploadAndCreatesNothing()
    {
        var (client, bucket) = await NewBucketAsync();
        var store = new S3ObjectStore(client, new S3ObjectStoreOptions(bucket) { PartSize = PartSize });

        var error = await Assert.ThrowsAsync<IOException>(() => store.PutAsync("broken.bin", new FailingStream(failAfter: (PartSize * 2) + 100), default));

        Assert.Equal("source broke", error.Message);
        Assert.Null(await store.HeadAsync("broken.bin", default));
        var uploads = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket });
        Assert.Empty(uploads.MultipartUploads ?? []);
    }

    [Fact]
    public async Task List_FollowsContinuationTokensAcrossPages()
    {
        var (client, bucket) = await NewBucketAsync();
        var store = new S3ObjectStore(client, new S3ObjectStoreOptions(bucket, "p") { ListPageSize = 3 });
        var keys = Enumerable.Range(0, 10).Select(i => $"_delta_log/{i:D20}.json").ToList();
        foreach (var key in keys)
        {
            await store.PutAsync(key, new MemoryStream("{}"u8.ToArray()), default);
        }

        var listed = new List<string>();
        await foreach (var item in store.ListAsync("_delta_log/", keys[1], default))
        {
            listed.Add(item.Key);
        }

        Assert.Equal(keys[2..], listed);
    }

    [Fact]
    public async Task Describe_NamesBucketAndFullKey()
    {
        using var client = moto.CreateS3Client();
        var store = new S3ObjectStore(client, new S3ObjectStoreOptions("lake", "/sales/"));

        Assert.Equal("s3://lake/sales/bronze/orders/_delta_log/x.json", store.Describe("bronze/orders/_delta_log/x.json"));
        Assert.Equal("sales/a b", store.FullKey("a b"));
    }

    [Fact]
    public async Task Calls_OnAMissingBucket_ThrowAwsStorageExceptionNamingTheBucket()
    {
        using var client = moto.CreateS3Client();
        var store = new S3ObjectStore(client, new S3ObjectStoreOptions("no-such-bucket-" + Guid.NewGuid().ToString("N")[..8]));

        var put = await Assert.ThrowsAsync<AwsStorageException>(() => store.PutAsync("k", new MemoryStream([1]), default));
        var list = await Assert.ThrowsAsync<AwsStorageException>(async () =>
        {
            await foreach (var unused in store.ListAsync("", null, default))
            {
            }
        });

        Assert.Equal("NoSuchBucket", put.AwsErrorCode);
        Assert.Contains(store.Bucket, put.Message, StringComparison.Ordinal);
        Assert.Contains("Create the bucket", list.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutIfAbsent_SendsIfNoneMatchStar()
    {
        using var server = new ScriptedHttpServer().Then(200).Then(412, "PreconditionFailed");
        var store = ScriptedStore(server);

        Assert.Equal(PutIfAbsentResult.Created, await store.PutIfAbsentAsync("_delta_log/0.json", "a"u8.ToArray(), default));
        Assert.Equal(PutIfAbsentResult.AlreadyExists, await store.PutIfAbsentAsync("_delta_log/0.json", "b"u8.ToArray(), default));

        Assert.All(server.Requests, r => Assert.Equal("PUT /b/_delta_log/0.json If-None-Match=*", r));
    }

    [Fact]
    public async Task PutIfAbsent_OnConditionalRequestConflict_RetriesWithBackoff()
    {
        using var server = new ScriptedHttpServer().Then(409, "ConditionalRequestConflict").Then(409, "ConditionalRequestConflict").Then(200);
        var store = ScriptedStore(server);

        Assert.Equal(PutIfAbsentResult.Created, await store.PutIfAbsentAsync("k.json", "a"u8.ToArray(), default));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task PutIfAbsent_WhenConflictsPersist_ThrowsThrottled()
    {
        using var server = new ScriptedHttpServer();
        for (var i = 0; i < 3; i++)
        {
            server.Then(409, "ConditionalRequestConflict");
        }

        var store = ScriptedStore(server, conflictAttempts: 3);

        var error = await Assert.ThrowsAsync<ThrottledException>(() => store.PutIfAbsentAsync("k.json", "a"u8.ToArray(), default));
        Assert.Equal("Lakehouse.Throttled", error.ErrorType);
        Assert.Contains("s3://b/k.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_WhenS3SaysSlowDown_ThrowsThrottled()
    {
        using var server = new ScriptedHttpServer().Then(503, "SlowDown");
        var store = ScriptedStore(server);

        var error = await Assert.ThrowsAsync<ThrottledException>(() => store.PutAsync("k", new MemoryStream([1]), default));
        Assert.Equal("Lakehouse.Throttled", error.ErrorType);
    }

    [Fact]
    public async Task PutIfAbsent_WhenTheAnswerNeverComes_ThrowsOutcomeUnknown()
    {
        using var server = new ScriptedHttpServer().Then(200, delay: TimeSpan.FromSeconds(5));
        var store = ScriptedStore(server);

        var error = await Assert.ThrowsAsync<StorageOutcomeUnknownException>(() => store.PutIfAbsentAsync("_delta_log/7.json", "a"u8.ToArray(), default));
        Assert.Contains("s3://b/_delta_log/7.json", error.Message, StringComparison.Ordinal);
        Assert.Equal("Lakehouse.StorageOutcomeUnknown", error.ErrorType);
    }

    [Fact]
    public async Task Reads_WhenS3FailsWith500_ThrowOutcomeUnknownNotTheSdkException()
    {
        using var server = new ScriptedHttpServer().Then(500, "InternalError");
        var store = ScriptedStore(server);

        var error = await Assert.ThrowsAsync<StorageOutcomeUnknownException>(() => store.ReadRangeAsync("k", 0, 4, default));
        Assert.IsAssignableFrom<Amazon.Runtime.AmazonServiceException>(error.InnerException);
    }

    private static S3ObjectStore ScriptedStore(ScriptedHttpServer server, int conflictAttempts = 6)
    {
        var client = new AmazonS3Client(MotoServerFixture.Credentials, new AmazonS3Config
        {
            ServiceURL = server.Endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = MotoServerFixture.Region,
            RequestChecksumCalculation = Amazon.Runtime.RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = Amazon.Runtime.ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromSeconds(1),
        });
        return new S3ObjectStore(client, new S3ObjectStoreOptions("b") { ConditionalConflictAttempts = conflictAttempts });
    }

    private async Task<(AmazonS3Client Client, string Bucket)> NewBucketAsync()
    {
        var client = moto.CreateS3Client();
        var bucket = MotoServerFixture.UniqueName("s3store");
        await client.PutBucketAsync(bucket);
        return (client, bucket);
    }

    private sealed class FailingStream(int failAfter) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAfter)
            {
                throw new IOException("source broke");
            }

            var n = Math.Min(count, failAfter - _position);
            Encoding.ASCII.GetBytes(new string('x', n), 0, n, buffer, offset);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
