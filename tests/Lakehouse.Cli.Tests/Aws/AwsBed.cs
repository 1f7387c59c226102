using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using Lakehouse.Aws.DynamoDb;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Cli.Tests.Aws;

/// <summary>
/// A deployment on moto_server for CLI process tests: landing, lake and logs buckets, the delta_log and usage tables,
/// and the retail pipeline at the lake's <c>_pipelines/retail.yaml</c>; plus the options and environment that point
/// the CLI at them.
/// </summary>
internal sealed class AwsBed : IDisposable
{
    private AwsBed(MotoServerFixture moto)
    {
        Moto = moto;
        S3 = moto.CreateS3Client();
        DynamoDb = moto.CreateDynamoDbClient();
    }

    public MotoServerFixture Moto { get; }

    public AmazonS3Client S3 { get; }

    public AmazonDynamoDBClient DynamoDb { get; }

    public string Landing { get; } = MotoServerFixture.UniqueName("landing");

    public string Lake { get; } = MotoServerFixture.UniqueName("lake");

    public string Logs { get; } = MotoServerFixture.UniqueName("logs");

    public string DeltaLog { get; } = MotoServerFixture.UniqueName("delta-log");

    public string UsageTable { get; } = MotoServerFixture.UniqueName("usage");

    /// <summary>Credentials for moto through the SDK's default chain, and no AWS target variables from the outer environment.</summary>
    public IReadOnlyDictionary<string, string?> Credentials => new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["LAKE_BUCKET"] = null,
        ["LANDING_BUCKET"] = null,
        ["LOGS_BUCKET"] = null,
        ["COMMIT_COORDINATOR"] = null,
        ["DELTA_LOG_TABLE"] = null,
        ["USAGE_TABLE"] = null,
        ["AWS_ENDPOINT_URL"] = null,
    };

    /// <summary>The Lambda functions' environment variables for this bed: the CLI's fallbacks when no option is given.</summary>
    public IReadOnlyDictionary<string, string?> FunctionEnvironment(string coordinator = "dynamodb") => new Dictionary<string, string?>(Credentials)
    {
        ["LAKE_BUCKET"] = Lake,
        ["LANDING_BUCKET"] = Landing,
        ["LOGS_BUCKET"] = Logs,
        ["COMMIT_COORDINATOR"] = coordinator,
        ["DELTA_LOG_TABLE"] = DeltaLog,
        ["USAGE_TABLE"] = UsageTable,
        ["AWS_ENDPOINT_URL"] = Moto.Endpoint,
    };

    /// <summary>The same target as options.</summary>
    public string[] Options(string coordinator = "dynamodb") =>
    [
        "--lake", $"s3://{Lake}", "--landing", $"s3://{Landing}", "--logs", $"s3://{Logs}", "--endpoint", Moto.Endpoint,
        "--coordinator", coordinator, "--delta-log-table", DeltaLog, "--usage-table", UsageTable,
    ];

    public static async Task<AwsBed> CreateAsync(MotoServerFixture moto)
    {
        var bed = new AwsBed(moto);
        foreach (var bucket in new[] { bed.Landing, bed.Lake, bed.Logs })
        {
            await bed.S3.PutBucketAsync(bucket);
        }

        await DeltaLogTable.EnsureCreatedAsync(bed.DynamoDb, bed.DeltaLog, default);
        await bed.DynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = bed.UsageTable,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S)],
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
        });
        await bed.PutAsync(bed.Lake, "_pipelines/retail.yaml", await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Root, "samples", "retail", "pipeline.yaml")));
        return bed;
    }

    public Task PutAsync(string bucket, string key, byte[] content) =>
        S3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(content) });

    public async Task<IReadOnlyList<string>> KeysAsync(string bucket, string prefix)
    {
        var response = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix });
        return (response.S3Objects ?? []).Select(o => o.Key).ToList();
    }

    public async Task<string> ReadAsync(string bucket, string key)
    {
        using var response = await S3.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }

    public void Dispose()
    {
        S3.Dispose();
        DynamoDb.Dispose();
    }
}
