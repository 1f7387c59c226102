using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Lakehouse.Aws.DynamoDb;
using Lakehouse.Aws.StepFunctions;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Bench.Lambda;

/// <summary>
/// What the Ingest function needs on moto (landing and lake buckets, delta_log and usage tables, the pipeline state
/// machine, <c>_pipelines/retail.yaml</c>) and a fresh landed file per invoke, so every measured invoke really ingests.
/// </summary>
internal sealed class IngestDeployment : IAsyncDisposable
{
    private const string Csv = "order_id,customer_id,status,amount,ordered_at\n1,10,placed,12.50,2026-11-21T09:00:00Z\n2,11,shipped,7.25,2026-11-21T09:05:00Z\n3,10,delivered,99.99,2026-11-21T09:10:00Z\n";

    private readonly MotoServerFixture _moto = new();
    private AmazonS3Client? _s3;
    private int _files;

    private string Landing { get; } = MotoServerFixture.UniqueName("landing");

    private string Lake { get; } = MotoServerFixture.UniqueName("lake");

    private string DeltaLog { get; } = MotoServerFixture.UniqueName("delta-log");

    private string Usage { get; } = MotoServerFixture.UniqueName("usage");

    private string StateMachineArn { get; set; } = string.Empty;

    public static async Task<IngestDeployment> StartAsync()
    {
        var d = new IngestDeployment();
        await d._moto.InitializeAsync();
        d._s3 = d._moto.CreateS3Client();
        await d._s3.PutBucketAsync(d.Landing);
        await d._s3.PutBucketAsync(d.Lake);
        await d._s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = d.Lake,
            Key = "_pipelines/retail.yaml",
            ContentBody = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "samples", "retail", "pipeline.yaml")),
        });
        using var dynamo = d._moto.CreateDynamoDbClient();
        await DeltaLogTable.EnsureCreatedAsync(dynamo, d.DeltaLog, default);
        await dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = d.Usage,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S)],
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
        });
        using var sfn = new StepFunctionsClient(new StepFunctionsClientOptions(MotoServerFixture.Region, MotoServerFixture.Credentials) { ServiceUrl = new Uri(d._moto.Endpoint) });
        var definition = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "functions", "statemachine", "pipeline.asl.json")))
            .Replace("${TransformFunctionArn}", "arn:aws:lambda:us-east-1:123456789012:function:transform", StringComparison.Ordinal);
        d.StateMachineArn = await sfn.CreateStateMachineAsync(MotoServerFixture.UniqueName("pipeline"), definition, "arn:aws:iam::123456789012:role/sfn", default);
        return d;
    }

    /// <summary>The function environment template.yaml sets, pointed at moto.</summary>
    public Dictionary<string, string?> Environment() => new()
    {
        ["AWS_ENDPOINT_URL"] = _moto.Endpoint,
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["WORKSPACE_ID"] = "ws-bench",
        ["LANDING_BUCKET"] = Landing,
        ["LAKE_BUCKET"] = Lake,
        ["COMMIT_COORDINATOR"] = "dynamodb",
        ["DELTA_LOG_TABLE"] = DeltaLog,
        ["USAGE_TABLE"] = Usage,
        ["STATE_MACHINE_ARN"] = StateMachineArn,
        ["LAKEHOUSE_STARTUP_TRACE"] = "1",
    };

    /// <summary>Lands a new orders file and returns events/ingest-s3-put.json pointed at it.</summary>
    public async Task<string> LandAndDescribeAsync()
    {
        var key = $"retail/orders/bench-{Interlocked.Increment(ref _files)}-{Guid.NewGuid():N}.csv";
        var put = await _s3!.PutObjectAsync(new PutObjectRequest { BucketName = Landing, Key = key, ContentBody = Csv });
        var evt = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "events", "ingest-s3-put.json")))!;
        var s3 = evt["Records"]![0]!["s3"]!;
        s3["bucket"]!["name"] = Landing;
        s3["object"]!["key"] = key;
        s3["object"]!["eTag"] = put.ETag;
        s3["object"]!["size"] = Csv.Length;
        s3["object"]!.AsObject().Remove("versionId");
        return evt.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        _s3?.Dispose();
        await _moto.DisposeAsync();
    }
}
