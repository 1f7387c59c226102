using System.CommandLine;

namespace Lakehouse.Cli.Targets;

/// <summary>
/// Global options that point commands at AWS (S3 buckets, DynamoDB tables) instead of a local workspace. Each falls
/// back to the environment variable the Lambda functions read, so a shell set up like a function's environment needs
/// no options. Credentials come from the AWS SDK's default chain (environment, shared profile, SSO, instance role).
/// </summary>
internal static class TargetOptions
{
    public static readonly Option<string?> Lake = new("--lake")
    {
        Description = "Lake bucket: s3://bucket[/prefix] (env LAKE_BUCKET). Pipelines, tables and run records live there instead of a local workspace.",
        Recursive = true,
    };

    public static readonly Option<string?> Landing = new("--landing")
    {
        Description = "Landing bucket: s3://bucket[/prefix] (env LANDING_BUCKET), where run, watch and drop find and put files.",
        Recursive = true,
    };

    public static readonly Option<string?> Logs = new("--logs")
    {
        Description = "Logs bucket: s3://bucket[/prefix] (env LOGS_BUCKET; prefix default env LOG_PREFIX or 'lakehouse'); billing writes its CSVs there.",
        Recursive = true,
    };

    public static readonly Option<string?> Endpoint = new("--endpoint")
    {
        Description = "One endpoint URL for S3 and DynamoDB, e.g. http://127.0.0.1:5000 for moto_server (env AWS_ENDPOINT_URL).",
        Recursive = true,
    };

    public static readonly Option<string?> Region = new("--region")
    {
        Description = "AWS region (env AWS_REGION, AWS_DEFAULT_REGION, else the profile's region in ~/.aws/config; default us-east-1).",
        Recursive = true,
    };

    public static readonly Option<string?> Coordinator = new("--coordinator")
    {
        Description = "How commits are made exclusive on S3: dynamodb (Delta's S3DynamoDBLogStore table) or s3 (conditional writes) (env COMMIT_COORDINATOR; default dynamodb). Never mix the two on one table.",
        Recursive = true,
    };

    public static readonly Option<string?> DeltaLogTable = new("--delta-log-table")
    {
        Description = "DynamoDB commit table for --coordinator dynamodb (env DELTA_LOG_TABLE; default delta_log).",
        Recursive = true,
    };

    public static readonly Option<string?> UsageTable = new("--usage-table")
    {
        Description = "DynamoDB usage table: run steps are metered there and billing reads it (env USAGE_TABLE).",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [Lake, Landing, Logs, Endpoint, Region, Coordinator, DeltaLogTable, UsageTable];
}
