using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Lakehouse.Aws.Metering;
using Lakehouse.Aws.S3;
using Lakehouse.Functions.Aws;
using Lakehouse.Functions.Settings;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Metering;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lakehouse.Cli.Targets;

/// <summary>
/// The AWS side of a command, wired as the Lambda functions wire it (functions/Common: <see cref="AwsClients"/>,
/// <see cref="LakeRuntimeFactory"/>): S3 stores, commits coordinated by DynamoDB or S3 conditional writes, usage in
/// DynamoDB. Credentials come from the SDK's default chain; <see cref="AwsTargetSettings.Endpoint"/> redirects S3 and
/// DynamoDB to an emulator such as moto_server.
/// </summary>
internal sealed class AwsTarget : IDisposable
{
    private readonly AwsClients _clients;
    private readonly FunctionSettings _functionSettings;

    public AwsTarget(AwsTargetSettings settings, TimeProvider? time = null)
    {
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Time = time ?? TimeProvider.System;
        _functionSettings = new FunctionSettings
        {
            WorkspaceId = "default",
            LakeBucket = settings.Lake?.Bucket ?? string.Empty,
            LandingBucket = settings.Landing?.Bucket,
            LogsBucket = settings.Logs?.Bucket,
            LogPrefix = settings.LogPrefix,
            Coordinator = settings.Coordinator,
            DeltaLogTable = settings.DeltaLogTable,
            UsageTable = settings.UsageTable,
            Region = settings.Region,
            EndpointOverride = settings.Endpoint,
        };
        _clients = new AwsClients(_functionSettings, ResolveCredentials());
    }

    public AwsTargetSettings Settings { get; }

    public TimeProvider Time { get; }

    /// <summary>An S3 store over <paramref name="location"/>'s bucket, rooted at its prefix.</summary>
    public S3ObjectStore Store(S3Location location) =>
        LakeRuntimeFactory.Store(_clients, location.Bucket, location.Prefix.Length == 0 ? null : location.Prefix);

    /// <summary>The lake runtime over <paramref name="lake"/> with the configured commit coordinator.</summary>
    public LakehouseRuntime Runtime(S3Location lake) =>
        LakeRuntimeFactory.Create(_functionSettings, _clients, Store(lake), NullLoggerFactory.Instance, Time);

    /// <summary>The DynamoDB usage store, or one that keeps nothing when no usage table is configured.</summary>
    public IUsageStore Usage() =>
        Settings.UsageTable is { } table ? new DynamoDbUsageStore(_clients.DynamoDb, table) : new UnmeteredUsageStore();

    public void Dispose() => _clients.Dispose();

    private static AWSCredentials ResolveCredentials()
    {
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (AmazonClientException e)
        {
            throw new CliUsageException(
                "No AWS credentials found (environment, shared profile, web identity, instance metadata; --verbose shows why each failed). Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or sign in with 'aws sso login' (for moto_server any key works, e.g. AWS_ACCESS_KEY_ID=testing).",
                e);
        }
    }
}
