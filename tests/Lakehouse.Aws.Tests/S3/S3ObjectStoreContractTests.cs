using Lakehouse.Aws.S3;
using Lakehouse.Aws.Tests.Storage;
using Lakehouse.Delta.Storage;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests.S3;

[Collection("moto")]
public sealed class S3ObjectStoreContractTests(MotoServerFixture moto) : ObjectStoreContractTests
{
    protected override async Task<IObjectStore> CreateStoreAsync()
    {
        var client = moto.CreateS3Client();
        var bucket = MotoServerFixture.UniqueName("contract");
        await client.PutBucketAsync(bucket);
        return new S3ObjectStore(client, new S3ObjectStoreOptions(bucket));
    }
}

[Collection("moto")]
public sealed class PrefixedS3ObjectStoreContractTests(MotoServerFixture moto) : ObjectStoreContractTests
{
    protected override async Task<IObjectStore> CreateStoreAsync()
    {
        var client = moto.CreateS3Client();
        var bucket = MotoServerFixture.UniqueName("prefixed");
        await client.PutBucketAsync(bucket);

        // A neighbour sharing the prefix's first characters must stay invisible.
        await client.PutObjectAsync(new Amazon.S3.Model.PutObjectRequest { BucketName = bucket, Key = "lake/wh-other/log/a", ContentBody = "x" });
        return new S3ObjectStore(client, new S3ObjectStoreOptions(bucket, "/lake/wh/"));
    }
}
