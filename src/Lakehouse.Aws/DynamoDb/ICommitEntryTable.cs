namespace Lakehouse.Aws.DynamoDb;

/// <summary>
/// The DynamoDB half of the S3DynamoDBLogStore protocol, as four calls. <see cref="DynamoDbCommitEntryTable"/> is the
/// real one; tests wrap it to inject crashes and lost answers between the protocol's steps.
/// Failures surface as the LakehouseException family (never AWS SDK exceptions).
/// </summary>
internal interface ICommitEntryTable
{
    /// <summary>The DynamoDB table name (for messages).</summary>
    string TableName { get; }

    /// <summary>PutItem with <c>attribute_not_exists(fileName)</c>: true when this call created the entry, false when one existed.</summary>
    Task<bool> TryClaimAsync(CommitEntry entry, CancellationToken cancellationToken);

    /// <summary>Consistent GetItem of one entry, or null.</summary>
    Task<CommitEntry?> GetAsync(string tablePath, string fileName, CancellationToken cancellationToken);

    /// <summary>Consistent Query of the entries with <paramref name="fromFileName"/> ≤ fileName ≤ <paramref name="toFileName"/>, in order.</summary>
    Task<IReadOnlyList<CommitEntry>> GetRangeAsync(string tablePath, string fromFileName, string toFileName, CancellationToken cancellationToken);

    /// <summary>Consistent Query by tablePath, newest fileName first, limit 1; null when the table has no entry.</summary>
    Task<CommitEntry?> GetLatestAsync(string tablePath, CancellationToken cancellationToken);

    /// <summary>UpdateItem <c>complete = "true", expireTime = :t</c> conditioned on <c>complete = "false"</c>; an entry already complete (or gone) is left alone.</summary>
    Task MarkCompleteAsync(string tablePath, string fileName, DateTimeOffset expireTime, CancellationToken cancellationToken);
}
