using Lakehouse.Aws.DynamoDb;

namespace Lakehouse.Aws.LogStores;

/// <summary>Configuration of the DynamoDB-coordinated log store (Spark's <c>spark.io.delta.storage.S3DynamoDBLogStore.ddb.*</c>).</summary>
public sealed record DynamoDbLogStoreOptions
{
    /// <summary>The DynamoDB table (Spark: <c>ddb.tableName</c>; delta-rs: <c>DELTA_DYNAMO_TABLE_NAME</c>). Default <c>delta_log</c>.</summary>
    public string TableName { get; init; } = DeltaLogTable.DefaultName;

    /// <summary>
    /// The URI scheme of the <c>tablePath</c> key. Spark writes <c>s3a://bucket/path/table</c>; a different scheme means
    /// different keys, i.e. no mutual exclusion with Spark. Default <c>s3a</c>.
    /// </summary>
    public string Scheme { get; init; } = "s3a";

    /// <summary>
    /// How long a completed entry lives before DynamoDB TTL may delete it (Spark: <c>ddb.ttl</c>, default 86400 s). Keep it
    /// long compared to commit latency (delta-io/delta#1410); this store never overwrites N.json even when an entry expired.
    /// </summary>
    public TimeSpan Ttl { get; init; } = TimeSpan.FromSeconds(86400);

    /// <summary>Clock for <c>expireTime</c>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
