using System.Text.RegularExpressions;
using Lakehouse.Lambda.Hosting;

namespace Lakehouse.Functions.Settings;

/// <summary>
/// The platform settings every function reads from its environment (template.yaml Globals), bound once during the init
/// phase and validated as a whole: every bad or missing value is named in one <see cref="LambdaConfigurationException"/>
/// (an init error), together with what is allowed.
/// </summary>
public sealed partial record FunctionSettings
{
    public required string WorkspaceId { get; init; }

    public string? LandingBucket { get; init; }

    public required string LakeBucket { get; init; }

    public string? LogsBucket { get; init; }

    public string LogPrefix { get; init; } = "lakehouse";

    public CommitCoordinator Coordinator { get; init; }

    public string? DeltaLogTable { get; init; }

    public string? UsageTable { get; init; }

    public string? StateMachineArn { get; init; }

    /// <summary>AWS_REGION (Lambda sets it).</summary>
    public required string Region { get; init; }

    /// <summary>AWS_ENDPOINT_URL: one endpoint for every AWS service (local emulators such as moto); null on AWS.</summary>
    public Uri? EndpointOverride { get; init; }

    /// <summary>Binds and validates; <paramref name="required"/> names the optional settings this function cannot do without.</summary>
    /// <exception cref="LambdaConfigurationException">Lists every missing or invalid variable and what is allowed.</exception>
    public static FunctionSettings Bind(Func<string, string?> environment, params string[] required)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var problems = new List<string>();
        string? Get(string name)
        {
            var value = environment(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required.Contains(name, StringComparer.Ordinal))
                {
                    problems.Add($"{name} is not set");
                }

                return null;
            }

            return value.Trim();
        }

        string Bucket(string name, string? value)
        {
            if (value is not null && !BucketName().IsMatch(value))
            {
                problems.Add($"{name}='{value}' is not an S3 bucket name (3-63 characters of a-z, 0-9, '.', '-')");
            }

            return value ?? string.Empty;
        }

        var workspace = Get("WORKSPACE_ID") ?? "default";
        if (!WorkspacePattern().IsMatch(workspace))
        {
            problems.Add($"WORKSPACE_ID='{workspace}' may only contain letters, digits, '_' and '-'");
        }

        var lake = Get("LAKE_BUCKET");
        if (lake is null && !required.Contains("LAKE_BUCKET"))
        {
            problems.Add("LAKE_BUCKET is not set");
        }

        var coordinatorText = Get("COMMIT_COORDINATOR") ?? "dynamodb";
        var coordinator = coordinatorText.ToLowerInvariant() switch
        {
            "dynamodb" => CommitCoordinator.DynamoDb,
            "s3" => CommitCoordinator.S3,
            _ => (CommitCoordinator?)null,
        };
        if (coordinator is null)
        {
            problems.Add($"COMMIT_COORDINATOR='{coordinatorText}' is not allowed; use 'dynamodb' or 's3'");
        }

        var deltaLogTable = Get("DELTA_LOG_TABLE");
        if (coordinator == CommitCoordinator.DynamoDb && deltaLogTable is null && !required.Contains("DELTA_LOG_TABLE"))
        {
            problems.Add("DELTA_LOG_TABLE is not set (required when COMMIT_COORDINATOR=dynamodb)");
        }

        var stateMachine = Get("STATE_MACHINE_ARN");
        if (stateMachine is not null && !stateMachine.StartsWith("arn:", StringComparison.Ordinal))
        {
            problems.Add($"STATE_MACHINE_ARN='{stateMachine}' is not an ARN (arn:aws:states:<region>:<account>:stateMachine:<name>)");
        }

        Uri? endpoint = null;
        if (Get("AWS_ENDPOINT_URL") is { } endpointText && !Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint))
        {
            problems.Add($"AWS_ENDPOINT_URL='{endpointText}' is not an absolute URL");
        }

        var settings = new FunctionSettings
        {
            WorkspaceId = workspace,
            LandingBucket = Get("LANDING_BUCKET") is { } landing ? Bucket("LANDING_BUCKET", landing) : null,
            LakeBucket = Bucket("LAKE_BUCKET", lake),
            LogsBucket = Get("LOGS_BUCKET") is { } logs ? Bucket("LOGS_BUCKET", logs) : null,
            LogPrefix = (Get("LOG_PREFIX") ?? "lakehouse").Trim('/'),
            Coordinator = coordinator ?? CommitCoordinator.DynamoDb,
            DeltaLogTable = deltaLogTable,
            UsageTable = Get("USAGE_TABLE"),
            StateMachineArn = stateMachine,
            Region = Get("AWS_REGION") ?? Get("AWS_DEFAULT_REGION") ?? "us-east-1",
            EndpointOverride = endpoint,
        };

        if (problems.Count > 0)
        {
            throw new LambdaConfigurationException(
                "The function's environment is invalid: " + string.Join("; ", problems) + ". Fix the function's environment variables (template.yaml) and redeploy.");
        }

        return settings;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex WorkspacePattern();
}
