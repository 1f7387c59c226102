using System.CommandLine;
using Lakehouse.Functions.Settings;

namespace Lakehouse.Cli.Targets;

/// <summary>
/// The AWS target of one command: the <see cref="TargetOptions"/>, else the environment variables the Lambda functions
/// read (LAKE_BUCKET, LANDING_BUCKET, LOGS_BUCKET, LOG_PREFIX, COMMIT_COORDINATOR, DELTA_LOG_TABLE, USAGE_TABLE,
/// AWS_ENDPOINT_URL, AWS_REGION, AWS_DEFAULT_REGION, then the shared-config profile's region). Every location is
/// optional here; each command says which it needs.
/// </summary>
internal sealed record AwsTargetSettings
{
    public S3Location? Lake { get; init; }

    public S3Location? Landing { get; init; }

    public S3Location? Logs { get; init; }

    /// <summary>Folder of the billing CSVs in the logs bucket (<c>&lt;prefix&gt;/billable-usage/csv/</c>).</summary>
    public string LogPrefix { get; init; } = "lakehouse";

    public Uri? Endpoint { get; init; }

    public string Region { get; init; } = "us-east-1";

    public CommitCoordinator Coordinator { get; init; } = CommitCoordinator.DynamoDb;

    public string DeltaLogTable { get; init; } = "delta_log";

    public string? UsageTable { get; init; }

    /// <summary>True when any AWS location (lake, landing, logs bucket or usage table) is configured.</summary>
    public bool Any => Lake is not null || Landing is not null || Logs is not null || UsageTable is not null;

    public static AwsTargetSettings Bind(ParseResult parse, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(environment);
        string? Value(Option<string?> option, params string[] variables)
        {
            var value = parse.GetValue(option);
            foreach (var name in variables)
            {
                value = string.IsNullOrWhiteSpace(value) ? environment(name) : value;
            }

            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        var coordinatorText = Value(TargetOptions.Coordinator, "COMMIT_COORDINATOR") ?? "dynamodb";
        var coordinator = coordinatorText.ToLowerInvariant() switch
        {
            "dynamodb" => CommitCoordinator.DynamoDb,
            "s3" => CommitCoordinator.S3,
            _ => throw new CliUsageException($"--coordinator (COMMIT_COORDINATOR) '{coordinatorText}' is not allowed; use dynamodb or s3."),
        };
        Uri? endpoint = null;
        if (Value(TargetOptions.Endpoint, "AWS_ENDPOINT_URL") is { } endpointText
            && (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            throw new CliUsageException($"--endpoint (AWS_ENDPOINT_URL) '{endpointText}' is not an http(s) URL; write e.g. http://127.0.0.1:5000.");
        }

        var logs = Value(TargetOptions.Logs, "LOGS_BUCKET") is { } l ? S3Location.Parse(l, "--logs (LOGS_BUCKET)") : null;
        var logPrefix = logs is { Prefix.Length: > 0 } ? logs.Prefix : (environment("LOG_PREFIX") ?? "lakehouse").Trim('/');
        return new AwsTargetSettings
        {
            Lake = Value(TargetOptions.Lake, "LAKE_BUCKET") is { } lake ? S3Location.Parse(lake, "--lake (LAKE_BUCKET)") : null,
            Landing = Value(TargetOptions.Landing, "LANDING_BUCKET") is { } landing ? S3Location.Parse(landing, "--landing (LANDING_BUCKET)") : null,
            Logs = logs is null ? null : logs with { Prefix = string.Empty },
            LogPrefix = logPrefix,
            Endpoint = endpoint,
            Region = Value(TargetOptions.Region, "AWS_REGION", "AWS_DEFAULT_REGION") ?? ProfileRegion(environment) ?? "us-east-1",
            Coordinator = coordinator,
            DeltaLogTable = Value(TargetOptions.DeltaLogTable, "DELTA_LOG_TABLE") ?? global::Lakehouse.Aws.DynamoDb.DeltaLogTable.DefaultName,
            UsageTable = Value(TargetOptions.UsageTable, "USAGE_TABLE"),
        };
    }

    /// <summary>The region of the shared-config profile (AWS_PROFILE, else <c>default</c>), as the AWS CLI uses it; read from the files only.</summary>
    private static string? ProfileRegion(Func<string, string?> environment)
    {
        var chain = new Amazon.Runtime.CredentialManagement.CredentialProfileStoreChain();
        return chain.TryGetProfile(environment("AWS_PROFILE") ?? "default", out var profile) ? profile.Region?.SystemName : null;
    }

    /// <summary>The lake bucket, or a usage error naming the option and variable.</summary>
    public S3Location RequireLake(string command) =>
        Lake ?? throw new CliUsageException($"'{command}' against S3 needs the lake bucket: pass --lake s3://bucket[/prefix] or set LAKE_BUCKET.");

    /// <summary>The landing bucket, or a usage error naming the option and variable.</summary>
    public S3Location RequireLanding(string command) =>
        Landing ?? throw new CliUsageException($"'{command}' against S3 needs the landing bucket: pass --landing s3://bucket[/prefix] or set LANDING_BUCKET.");
}
