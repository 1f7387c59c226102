namespace Lakehouse.Pipelines.Metering;

/// <summary>
/// Where usage records live: a DynamoDB table on AWS, files locally.
/// </summary>
/// <remarks>
/// Contract: <see cref="AppendAsync"/> is idempotent per (workspace, request id): a second append with the same request id
/// stores nothing new. <see cref="ReadAsync"/> streams every record of the workspace whose <see cref="UsageRecord.Start"/>
/// is in [fromInclusive, toExclusive), in no particular order, without loading them all into memory.
/// </remarks>
public interface IUsageStore
{
    Task AppendAsync(UsageRecord record, CancellationToken cancellationToken);

    IAsyncEnumerable<UsageRecord> ReadAsync(string workspaceId, DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken);

    /// <summary>Workspaces that have usage in [fromInclusive, toExclusive).</summary>
    Task<IReadOnlyList<string>> ListWorkspacesAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken);
}
