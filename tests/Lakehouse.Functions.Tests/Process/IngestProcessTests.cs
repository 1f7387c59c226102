using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Amazon.S3.Model;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;
using Lakehouse.Testing.Lambda;

namespace Lakehouse.Functions.Tests.Process;

/// <summary>The published Ingest bootstrap, driven through the Runtime API emulator against moto.</summary>
[Collection("moto")]
public sealed class IngestProcessTests(MotoServerFixture moto)
{
    private const string Key = "retail/orders/2026-11-21 daily export+été.csv";
    private const string Csv = "order_id,customer_id,status,amount,ordered_at\n1,10,placed,12.50,2026-11-21T09:00:00Z\n2,11,shipped,7.25,2026-11-21T09:05:00Z\n3,10,delivered,99.99,2026-11-21T09:10:00Z\n";

    /// <summary>events/ingest-s3-put.json pointed at this test's landing bucket and the object's real ETag (moto buckets are unversioned).</summary>
    private static string SampleEvent(TestBed bed, string etag)
    {
        var evt = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "events", "ingest-s3-put.json")))!;
        var s3 = evt["Records"]![0]!["s3"]!;
        s3["bucket"]!["name"] = bed.Landing;
        s3["object"]!["eTag"] = etag;
        s3["object"]!.AsObject().Remove("versionId");
        return evt.ToJsonString();
    }

    private static async Task<(LambdaRuntimeEmulator Emulator, BootstrapProcess Process)> StartAsync(TestBed bed, Dictionary<string, string?>? extra = null)
    {
        var function = await PublishedFunctions.Ingest;
        var emulator = new LambdaRuntimeEmulator("ingest");
        var env = bed.Environment();
        foreach (var (k, v) in extra ?? [])
        {
            env[k] = v;
        }

        return (emulator, BootstrapProcess.Start(function, emulator, env, memoryMb: 1024));
    }

    [Fact]
    public async Task Ingest_SampleEvent_CommitsBronzeStartsTheRunRecordsUsageAndDuplicatesStartNothingNew()
    {
        using var bed = await TestBed.CreateAsync(moto);
        var put = await bed.S3.PutObjectAsync(new PutObjectRequest { BucketName = bed.Landing, Key = Key, ContentBody = Csv });
        var (emulator, process) = await StartAsync(bed);
        await using var _ = emulator;
        await using var __ = process;

        var first = await emulator.InvokeAsync(SampleEvent(bed, put.ETag), TimeSpan.FromMinutes(2));

        Assert.False(first.IsError, first.ToString());
        var commit = Assert.Single(first.Json.GetProperty("commits").EnumerateArray());
        Assert.Equal("orders_bronze", commit.GetProperty("table").GetString());
        Assert.Equal(0, commit.GetProperty("version").GetInt64());
        Assert.Equal(3, commit.GetProperty("rows").GetInt64());
        var run = Assert.Single(first.Json.GetProperty("runs").EnumerateArray());
        Assert.Equal("retail-orders_bronze-v0", run.GetProperty("runId").GetString());
        Assert.False(run.GetProperty("alreadyStarted").GetBoolean());

        // The bronze Delta commit, read back through the DynamoDB-coordinated log.
        var table = bed.Runtime().Table("retail", MedallionLayer.Bronze, "orders_bronze");
        var snapshot = await table.GetSnapshotAsync();
        Assert.Equal(0, snapshot.Version);
        var scan = await bed.DynamoDb.ScanAsync(new ScanRequest { TableName = bed.DeltaLog });
        var entry = Assert.Single(scan.Items);
        Assert.Equal("00000000000000000000.json", entry["fileName"].S);
        Assert.EndsWith("/retail/bronze/orders_bronze", entry["tablePath"].S, StringComparison.Ordinal);

        // The execution exists with the planned waves as input.
        var execution = await bed.StepFunctions.DescribeExecutionAsync(run.GetProperty("executionId").GetString()!, default);
        var input = JsonNode.Parse(execution.Input!)!;
        Assert.Equal("retail", input["pipeline"]!.GetValue<string>());
        Assert.Contains("orders", input["silverWaves"]!.AsArray().SelectMany(w => w!.AsArray()).Select(t => t!.GetValue<string>()));

        // The usage record of the invocation (written after the response: poll briefly).
        var usage = await bed.WaitForUsageAsync(first.RequestId);
        Assert.Equal("Ingest", usage["kind"].S);
        Assert.Equal("retail", usage["pipeline"].S);
        Assert.Equal("bronze/orders_bronze", usage["stage"].S);
        Assert.Equal("u-1001", usage["ownerId"].S);
        Assert.Equal("1024", usage["memoryMb"].N);
        Assert.True(usage["succeeded"].BOOL);
        Assert.True(long.Parse(usage["billedDurationMs"].N, System.Globalization.CultureInfo.InvariantCulture) >= 1);

        // A redelivered event: nothing ingested again, the same execution found, no new Delta version.
        var second = await emulator.InvokeAsync(SampleEvent(bed, put.ETag), TimeSpan.FromMinutes(1));

        Assert.False(second.IsError, second.ToString());
        Assert.Empty(second.Json.GetProperty("commits").EnumerateArray());
        Assert.Single(second.Json.GetProperty("skipped").EnumerateArray());
        var again = Assert.Single(second.Json.GetProperty("runs").EnumerateArray());
        // Step Functions answers a duplicate start of a running execution with that execution (alreadyStarted
        // is then false); either way the execution ARN is the first one: no second run exists.
        Assert.Equal(run.GetProperty("executionId").GetString(), again.GetProperty("executionId").GetString());
        Assert.Equal(0, (await table.GetSnapshotAsync()).Version);
    }

    [Fact]
    public async Task Ingest_PipelineDefinitionMissing_ReturnsPipelineNotFoundAndKeepsTheFile()
    {
        using var bed = await TestBed.CreateAsync(moto, uploadPipeline: false);
        var put = await bed.S3.PutObjectAsync(new PutObjectRequest { BucketName = bed.Landing, Key = Key, ContentBody = Csv });
        var (emulator, process) = await StartAsync(bed);
        await using var _ = emulator;
        await using var __ = process;

        var result = await emulator.InvokeAsync(SampleEvent(bed, put.ETag), TimeSpan.FromMinutes(1));

        Assert.True(result.IsError);
        Assert.Equal("Lakehouse.PipelineNotFound", result.ErrorType);
        Assert.Contains("_pipelines/retail.yaml", result.ErrorMessage, StringComparison.Ordinal);
        Assert.NotNull(await bed.S3.GetObjectMetadataAsync(bed.Landing, Key));
    }

    [Fact]
    public async Task Ingest_EventNotJsonOrWrongShape_ReturnsInvalidEventAndServesTheNextInvocation()
    {
        using var bed = await TestBed.CreateAsync(moto);
        var (emulator, process) = await StartAsync(bed);
        await using var _ = emulator;
        await using var __ = process;

        var notJson = await emulator.InvokeAsync("{\"Records\": [", TimeSpan.FromMinutes(1));
        var wrongShape = await emulator.InvokeAsync("{\"Records\": [{\"eventName\": \"ObjectCreated:Put\"}]}", TimeSpan.FromMinutes(1));

        Assert.True(notJson.IsError);
        Assert.Equal("Lakehouse.InvalidEvent", notJson.ErrorType);
        Assert.True(wrongShape.IsError);
        Assert.Equal("Lakehouse.InvalidEvent", wrongShape.ErrorType);
        Assert.Contains("s3", wrongShape.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        var empty = await emulator.InvokeAsync("{\"Records\": []}", TimeSpan.FromMinutes(1));
        Assert.False(empty.IsError, empty.ToString());
    }

    [Fact]
    public async Task Ingest_DeadlineReachedMidWork_FailsAsTimeoutWithoutACommit()
    {
        using var bed = await TestBed.CreateAsync(moto);
        var csv = new StringBuilder("order_id,customer_id,status,amount,ordered_at\n");
        for (var i = 0; i < 300_000; i++)
        {
            csv.Append(i).Append(",1,placed,1.00,2026-11-21T09:00:00Z\n");
        }

        var put = await bed.S3.PutObjectAsync(new PutObjectRequest { BucketName = bed.Landing, Key = Key, ContentBody = csv.ToString() });
        var (emulator, process) = await StartAsync(bed, new() { ["LAKEHOUSE_TIMEOUT_MARGIN_MS"] = "1000" });
        await using var _ = emulator;
        await using var __ = process;

        // The handler's token fires 1 s before a 1.3 s deadline: long before 300k rows are read and committed.
        var result = await emulator.InvokeAsync(SampleEvent(bed, put.ETag), TimeSpan.FromMilliseconds(1300));

        Assert.True(result.IsError, result.ToString());
        Assert.Equal("Lakehouse.Timeout", result.ErrorType);
        var table = bed.Runtime().Table("retail", MedallionLayer.Bronze, "orders_bronze");
        Assert.False(await table.ExistsAsync());
        Assert.Empty((await bed.DynamoDb.ScanAsync(new ScanRequest { TableName = bed.DeltaLog })).Items);
        Assert.NotNull(await bed.S3.GetObjectMetadataAsync(bed.Landing, Key));
    }

}
