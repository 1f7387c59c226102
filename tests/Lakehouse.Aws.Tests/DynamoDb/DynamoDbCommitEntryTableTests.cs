using Amazon.DynamoDBv2;
using Lakehouse.Aws.DynamoDb;
using Lakehouse.Aws.Errors;
using Lakehouse.Aws.Tests.Faults;
using Lakehouse.Delta.Storage;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests.DynamoDb;

/// <summary>DynamoDB answers moto cannot produce (throttling, timeouts, missing table), translated at the edge.</summary>
[Collection("moto")]
public sealed class DynamoDbCommitEntryTableTests(MotoServerFixture moto)
{
    private static readonly CommitEntry Entry = new("s3a://lake/t", "00000000000000000003.json", ".tmp/00000000000000000003.json.u", false);

    [Fact]
    public async Task Claim_WhenThroughputIsExceeded_ThrowsThrottled()
    {
        using var server = new ScriptedHttpServer().Then(400, jsonBody: "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\",\"message\":\"slow down\"}");
        using var client = Client(server.Endpoint);

        var error = await Assert.ThrowsAsync<ThrottledException>(() => new DynamoDbCommitEntryTable(client, "delta_log").TryClaimAsync(Entry, default));

        Assert.Equal("Lakehouse.Throttled", error.ErrorType);
        Assert.Contains("00000000000000000003.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("delta_log", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_WhenTheAnswerNeverComes_ThrowsOutcomeUnknown()
    {
        using var server = new ScriptedHttpServer().Then(200, delay: TimeSpan.FromSeconds(5), jsonBody: "{}");
        using var client = Client(server.Endpoint);

        var error = await Assert.ThrowsAsync<StorageOutcomeUnknownException>(() => new DynamoDbCommitEntryTable(client, "delta_log").TryClaimAsync(Entry, default));
        Assert.Contains("s3a://lake/t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_OnAMissingTable_ThrowAwsStorageExceptionSayingHowToCreateIt()
    {
        using var client = moto.CreateDynamoDbClient();

        var error = await Assert.ThrowsAsync<AwsStorageException>(() => new DynamoDbCommitEntryTable(client, "no_such_table").GetLatestAsync("s3a://lake/t", default));

        Assert.Equal("ResourceNotFoundException", error.AwsErrorCode);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
        Assert.Contains("DeltaLogTable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkComplete_IsIdempotentAndKeepsTheFirstExpireTime()
    {
        using var client = moto.CreateDynamoDbClient();
        var name = MotoServerFixture.UniqueName("delta_log");
        await DeltaLogTable.EnsureCreatedAsync(client, name, default);
        var table = new DynamoDbCommitEntryTable(client, name);
        Assert.True(await table.TryClaimAsync(Entry, default));
        Assert.False(await table.TryClaimAsync(Entry with { TempPath = ".tmp/other" }, default));

        await table.MarkCompleteAsync(Entry.TablePath, Entry.FileName, DateTimeOffset.FromUnixTimeSeconds(1000), default);
        await table.MarkCompleteAsync(Entry.TablePath, Entry.FileName, DateTimeOffset.FromUnixTimeSeconds(2000), default);
        await table.MarkCompleteAsync(Entry.TablePath, "00000000000000000099.json", DateTimeOffset.FromUnixTimeSeconds(2000), default);

        Assert.Equal(Entry with { Complete = true, ExpireTime = 1000 }, await table.GetAsync(Entry.TablePath, Entry.FileName, default));
        Assert.Null(await table.GetAsync(Entry.TablePath, "00000000000000000099.json", default));
        Assert.Equal(Entry.FileName, (await table.GetLatestAsync(Entry.TablePath, default))!.FileName);
    }

    private static AmazonDynamoDBClient Client(string endpoint) => new(MotoServerFixture.Credentials, new AmazonDynamoDBConfig
    {
        ServiceURL = endpoint,
        AuthenticationRegion = MotoServerFixture.Region,
        MaxErrorRetry = 0,
        Timeout = TimeSpan.FromSeconds(1),
    });
}
