using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3.Model;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Testing.Tests.Aws;

[Collection("moto")]
public sealed class MotoServerFixtureTests(MotoServerFixture moto)
{
    [Fact]
    public async Task S3_PutThenGet_ReturnsTheSameBytes()
    {
        using var s3 = moto.CreateS3Client();
        var bucket = MotoServerFixture.UniqueName("fixture");
        await s3.PutBucketAsync(bucket);

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "dir/a b+c.txt", ContentBody = "hello moto" });
        using var get = await s3.GetObjectAsync(bucket, "dir/a b+c.txt");
        using var reader = new StreamReader(get.ResponseStream);

        Assert.Equal("hello moto", await reader.ReadToEndAsync());
        Assert.StartsWith("http://127.0.0.1:", moto.Endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DynamoDb_ConditionalPut_FailsTheSecondTime()
    {
        using var ddb = moto.CreateDynamoDbClient();
        var table = MotoServerFixture.UniqueName("delta_log");
        await ddb.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new("tablePath", KeyType.HASH), new("fileName", KeyType.RANGE)],
            AttributeDefinitions = [new("tablePath", ScalarAttributeType.S), new("fileName", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });

        PutItemRequest Claim(string writer) => new()
        {
            TableName = table,
            Item = new Dictionary<string, AttributeValue>
            {
                ["tablePath"] = new("s3a://lake/t"),
                ["fileName"] = new("00000000000000000001.json"),
                ["tempPath"] = new($".tmp/1.json.{writer}"),
                ["complete"] = new("false"),
            },
            ConditionExpression = "attribute_not_exists(fileName)",
        };

        await ddb.PutItemAsync(Claim("first"));
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => ddb.PutItemAsync(Claim("second")));

        var item = await ddb.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new() { ["tablePath"] = new("s3a://lake/t"), ["fileName"] = new("00000000000000000001.json") },
            ConsistentRead = true,
        });
        Assert.Equal(".tmp/1.json.first", item.Item["tempPath"].S);
    }
}
