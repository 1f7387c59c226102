using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Lakehouse.Aws.DynamoDb;
using Lakehouse.Aws.LogStores;
using Lakehouse.Aws.S3;
using Lakehouse.Aws.StepFunctions;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Ingestion;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;
using Lakehouse.Testing.Lambda;

namespace Lakehouse.Functions.Tests;

/// <summary>
/// One isolated deployment on moto: landing, lake and logs buckets, delta_log and usage tables, the retail pipeline
/// definition at <c>_pipelines/retail.yaml</c>, and the pipeline state machine; plus the environment a function needs.
/// </summary>
internal sealed class TestBed : IDisposable
{
    public const string Workspace = "ws-test";

    private TestBed(MotoServerFixture moto)
    {
        Moto = moto;
        S3 = moto.CreateS3Client();
        DynamoDb = moto.CreateDynamoDbClient();
        StepFunctions = new StepFunctionsClient(new StepFunctionsClientOptions(MotoServerFixture.Region, MotoServerFixture.Credentials) { ServiceUrl = new Uri(moto.Endpoint) });
    }

    public MotoServerFixture Moto { get; }

    public AmazonS3Client S3 { get; }

    public AmazonDynamoDBClient DynamoDb { get; }

    public StepFunctionsClient StepFunctions { get; }

    public string Landing { get; } = MotoServerFixture.UniqueName("landing");

    public string Lake { get; } = MotoServerFixture.UniqueName("lake");

    public string Logs { get; } = MotoServerFixture.UniqueName("logs");

    public string DeltaLog { get; } = MotoServerFixture.UniqueName("delta-log");

    public string UsageTable { get; } = MotoServerFixture.UniqueName("usage");

    public string StateMachineArn { get; private set; } = string.Empty;

    public static async Task<TestBed> CreateAsync(MotoServerFixture moto, bool uploadPipeline = true)
    {
        var bed = new TestBed(moto);
        foreach (var bucket in new[] { bed.Landing, bed.Lake, bed.Logs })
        {
            await bed.S3.PutBucketAsync(bucket);
        }

        await DeltaLogTable.EnsureCreatedAsync(bed.DynamoDb, bed.DeltaLog, default);
        await CreateUsageTableAsync(bed.DynamoDb, bed.UsageTable);
        if (uploadPipeline)
        {
            await bed.PutAsync(bed.Lake, "_pipelines/retail.yaml", await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "samples", "retail", "pipeline.yaml")));
        }

        var definition = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "functions", "statemachine", "pipeline.asl.json")))
            .Replace("${TransformFunctionArn}", "arn:aws:lambda:us-east-1:123456789012:function:transform", StringComparison.Ordinal);
        bed.StateMachineArn = await bed.StepFunctions.CreateStateMachineAsync(MotoServerFixture.UniqueName("pipeline"), definition, "arn:aws:iam::123456789012:role/sfn", default);
        return bed;
    }

    public static async Task CreateUsageTableAsync(IAmazonDynamoDB dynamo, string name) =>
        await dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S)],
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
        });

    public Task PutAsync(string bucket, string key, string content) =>
        S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = content });

    /// <summary>The environment template.yaml gives a function, pointed at moto.</summary>
    public Dictionary<string, string?> Environment(string coordinator = "dynamodb") => new()
    {
        ["AWS_ENDPOINT_URL"] = Moto.Endpoint,
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_SESSION_TOKEN"] = null,
        ["WORKSPACE_ID"] = Workspace,
        ["LANDING_BUCKET"] = Landing,
        ["LAKE_BUCKET"] = Lake,
        ["LOGS_BUCKET"] = Logs,
        ["LOG_PREFIX"] = "lakehouse",
        ["COMMIT_COORDINATOR"] = coordinator,
        ["DELTA_LOG_TABLE"] = DeltaLog,
        ["USAGE_TABLE"] = UsageTable,
        ["STATE_MACHINE_ARN"] = StateMachineArn,
        ["LAKEHOUSE_TIMEOUT_MARGIN_MS"] = "500",
    };

    /// <summary>Starts a published function against a new Runtime API emulator with this deployment's environment.</summary>
    public async Task<(LambdaRuntimeEmulator Emulator, BootstrapProcess Process)> StartAsync(Task<PublishedFunction> published, string functionName)
    {
        var function = await published;
        var emulator = new LambdaRuntimeEmulator(functionName);
        return (emulator, BootstrapProcess.Start(function, emulator, Environment(), memoryMb: 1024));
    }

    /// <summary>events/ingest-s3-put.json's record pointed at <paramref name="landed"/> in this landing bucket (moto buckets are unversioned: no versionId).</summary>
    public JsonNode S3Record(LandedObject landed)
    {
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "events", "ingest-s3-put.json")))!["Records"]![0]!.DeepClone();
        var s3 = record["s3"]!;
        s3["bucket"]!["name"] = Landing;
        s3["bucket"]!["arn"] = "arn:aws:s3:::" + Landing;
        s3["object"]!["key"] = Uri.EscapeDataString(landed.Key).Replace("%2F", "/", StringComparison.Ordinal).Replace("%20", "+", StringComparison.Ordinal);
        s3["object"]!["eTag"] = landed.ETag;
        s3["object"]!["size"] = landed.Size;
        s3["object"]!.AsObject().Remove("versionId");
        return record;
    }

    /// <summary>The lake as the functions see it: S3 on the lake bucket, commits coordinated through the delta_log table.</summary>
    public LakehouseRuntime Runtime() => new(
        new S3ObjectStore(S3, new S3ObjectStoreOptions(Lake)),
        new DynamoDbLogStoreFactory(DynamoDb, new DynamoDbLogStoreOptions { TableName = DeltaLog, Scheme = "s3a" }),
        new LakeLayout(),
        TimeProvider.System,
        Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

    /// <summary>Puts <paramref name="content"/> into the landing bucket and returns it as the Ingest function would see it.</summary>
    public async Task<LandedObject> LandAsync(string key, string content)
    {
        var put = await S3.PutObjectAsync(new PutObjectRequest { BucketName = Landing, Key = key, ContentBody = content });
        return new LandedObject(key, System.Text.Encoding.UTF8.GetByteCount(content), put.ETag);
    }

    /// <summary>Ingests landed objects into bronze in this process (what an earlier Ingest invocation would have done).</summary>
    public async Task<IngestionResult> IngestInProcessAsync(params LandedObject[] objects)
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "samples", "retail", "pipeline.yaml"));
        var runtime = Runtime();
        var service = new IngestionService(runtime, new S3ObjectStore(S3, new S3ObjectStoreOptions(Landing)), Landing, PipelineDefinitionParser.Parse(yaml, "retail.yaml"));
        return await service.IngestAsync(objects, default);
    }

    /// <summary>Every row of a lake table (columns by name).</summary>
    public async Task<List<Dictionary<string, object?>>> ReadRowsAsync(MedallionLayer layer, string table)
    {
        var rows = new List<Dictionary<string, object?>>();
        await foreach (RecordBatch batch in Runtime().Table("retail", layer, table).ReadAsync((long?)null, null, default))
        {
            for (var i = 0; i < batch.RowCount; i++)
            {
                var values = batch.GetRow(i);
                var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var c = 0; c < values.Length; c++)
                {
                    row[batch.Schema.Fields[c].Name] = values[c];
                }

                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>The usage record of one invocation (written after the response, so polled briefly).</summary>
    public async Task<Dictionary<string, AttributeValue>> WaitForUsageAsync(string requestId)
    {
        var pk = $"{Workspace}#{DateTime.UtcNow:yyyy-MM-dd}";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var item = await DynamoDb.GetItemAsync(new GetItemRequest
            {
                TableName = UsageTable,
                Key = new() { ["pk"] = new(pk), ["sk"] = new(requestId) },
            });
            if (item.Item is { Count: > 0 })
            {
                return item.Item;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No usage record {pk}/{requestId} in {UsageTable} after 10 s.");
    }

    public void Dispose()
    {
        S3.Dispose();
        DynamoDb.Dispose();
        StepFunctions.Dispose();
    }
}
