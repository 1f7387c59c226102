using Lakehouse.Aws.LogStores;
using Lakehouse.Aws.S3;
using Lakehouse.Delta.Storage;
using Lakehouse.Functions.Settings;
using Lakehouse.Lambda.Hosting;
using Lakehouse.Pipelines.Lake;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Functions.Aws;

/// <summary>Builds the <see cref="LakehouseRuntime"/> of a function from AWS adapters.</summary>
public static class LakeRuntimeFactory
{
    /// <summary>
    /// S3ObjectStore on LAKE_BUCKET; commits coordinated per COMMIT_COORDINATOR: DynamoDB (DELTA_LOG_TABLE, table paths
    /// with scheme <c>s3a</c> as Spark and delta-rs write them) or conditional PUT on S3.
    /// </summary>
    public static LakehouseRuntime Create(FunctionSettings settings, AwsClients clients, ILoggerFactory logging, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clients);
        return Create(settings, clients, Store(clients, settings.LakeBucket), logging, time);
    }

    /// <summary>The runtime over <paramref name="lake"/> (any bucket and prefix) with the coordinator of <paramref name="settings"/>.</summary>
    public static LakehouseRuntime Create(FunctionSettings settings, AwsClients clients, IObjectStore lake, ILoggerFactory logging, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentNullException.ThrowIfNull(logging);
        ILogStoreFactory logStores = settings.Coordinator switch
        {
            CommitCoordinator.DynamoDb => new DynamoDbLogStoreFactory(
                clients.DynamoDb,
                new DynamoDbLogStoreOptions
                {
                    TableName = settings.DeltaLogTable ?? throw new LambdaConfigurationException("DELTA_LOG_TABLE is not set (required when COMMIT_COORDINATOR=dynamodb)."),
                    Scheme = "s3a",
                    TimeProvider = time,
                },
                logging.CreateLogger<DynamoDbLogStore>()),
            _ => new S3ConditionalLogStoreFactory(),
        };
        return new LakehouseRuntime(lake, logStores, new LakeLayout(), time, logging);
    }

    /// <summary>An object store on <paramref name="bucket"/> (optionally under <paramref name="prefix"/>).</summary>
    public static S3ObjectStore Store(AwsClients clients, string bucket, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        return new S3ObjectStore(clients.S3, new S3ObjectStoreOptions(bucket, prefix));
    }
}
