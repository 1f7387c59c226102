using System.Text;
using Amazon.DynamoDBv2.Model;
using Lakehouse.Aws.DynamoDb;
using Lakehouse.Aws.LogStores;
using Lakehouse.Aws.Tests.LogStores;
using Lakehouse.Delta.Storage;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests.DynamoDb;

/// <summary>The DynamoDB table and items are exactly those of Delta OSS' S3DynamoDBLogStore, so Spark can share them.</summary>
[Collection("moto")]
public sealed class DeltaLogTableTests(MotoServerFixture moto)
{
    [Fact]
    public async Task EnsureCreated_CreatesTheSparkSchemaWithTtlOnceAndIsIdempotent()
    {
        using var dynamo = moto.CreateDynamoDbClient();
        var name = MotoServerFixture.UniqueName("delta_log");

        Assert.True(await DeltaLogTable.EnsureCreatedAsync(dynamo, name, default));
        Assert.False(await DeltaLogTable.EnsureCreatedAsync(dynamo, name, default));

        var table = (await dynamo.DescribeTableAsync(name)).Table;
        Assert.Equal([("tablePath", "HASH"), ("fileName", "RANGE")], table.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)));
        Assert.All(table.AttributeDefinitions, a => Assert.Equal("S", a.AttributeType.Value));
        var ttl = await dynamo.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = name });
        Assert.Equal("expireTime", ttl.TimeToLiveDescription.AttributeName);
        Assert.Equal("ENABLED", ttl.TimeToLiveDescription.TimeToLiveStatus.Value);
    }

    [Fact]
    public async Task Commit_WritesTheItemExactlyAsSparkDoes()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);

        Assert.Equal(CommitWriteResult.Committed, await bed.DynamoStore().TryWriteCommitAsync(0, "{}\n"u8.ToArray(), default));

        var item = (await bed.Dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = bed.TableName,
            Key = new() { ["tablePath"] = new($"s3a://{bed.Bucket}/warehouse/sales/bronze/orders"), ["fileName"] = new("00000000000000000000.json") },
            ConsistentRead = true,
        })).Item;
        Assert.Equal(["complete", "expireTime", "fileName", "tablePath", "tempPath"], item.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("true", item["complete"].S);
        Assert.Equal((bed.Clock.GetUtcNow().ToUnixTimeSeconds() + 86400).ToString(System.Globalization.CultureInfo.InvariantCulture), item["expireTime"].N);
        Assert.Matches(@"^\.tmp/00000000000000000000\.json\.[0-9a-f-]{36}$", item["tempPath"].S);
        Assert.NotNull(await bed.ObjectStore.HeadAsync($"sales/bronze/orders/_delta_log/{item["tempPath"].S}", default));
    }

    [Fact]
    public async Task IncompleteEntryWrittenBySpark_IsRepairedByOurReader()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);
        var spark = Encoding.UTF8.GetBytes("{\"commitInfo\":{\"engineInfo\":\"Apache-Spark/3.5.1 Delta-Lake/3.2.0\"}}\n");
        const string tempPath = ".tmp/00000000000000000000.json.5b1f3a2e-4d7c-4e8a-9a44-0c1d2e3f4a5b";
        await bed.ObjectStore.PutAsync($"sales/bronze/orders/_delta_log/{tempPath}", new MemoryStream(spark), default);
        await bed.Dynamo.PutItemAsync(new PutItemRequest
        {
            TableName = bed.TableName,
            Item = new()
            {
                ["tablePath"] = new(bed.TablePath),
                ["fileName"] = new("00000000000000000000.json"),
                ["tempPath"] = new(tempPath),
                ["complete"] = new("false"),
            },
        });

        var store = bed.DynamoStore();
        Assert.Equal(0, await store.GetLatestVersionAsync(default));
        Assert.Equal(spark, (await store.ReadCommitAsync(0, default))!.Value.ToArray());
        Assert.Equal(CommitWriteResult.VersionExists, await store.TryWriteCommitAsync(0, "{}\n"u8.ToArray(), default));
    }

    [Fact]
    public async Task Scheme_IsConfigurableAndChangesTheKey()
    {
        using var bed = await LogStoreTestBed.CreateAsync(moto);

        var s3 = new DynamoDbLogStoreFactory(bed.Dynamo, bed.Options with { Scheme = "s3" }).Create(bed.ObjectStore, "sales/bronze/orders/");
        var s3a = bed.DynamoStore();

        Assert.Equal($"s3://{bed.Bucket}/warehouse/sales/bronze/orders", s3.TablePath);
        Assert.Equal(bed.TablePath, s3a.TablePath);
    }
}
