namespace Lakehouse.Functions.Settings;

/// <summary>How Delta commits are made exclusive (env COMMIT_COORDINATOR).</summary>
public enum CommitCoordinator
{
    /// <summary><c>dynamodb</c>: S3DynamoDBLogStore protocol on the DELTA_LOG_TABLE table.</summary>
    DynamoDb,

    /// <summary><c>s3</c>: conditional PUT (If-None-Match) of the commit file on the lake bucket.</summary>
    S3,
}
