using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Lakehouse.Aws.DynamoDb;
using Lakehouse.Aws.StepFunctions;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;

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

    public void Dispose()
    {
        S3.Dispose();
        DynamoDb.Dispose();
        StepFunctions.Dispose();
    }
}
