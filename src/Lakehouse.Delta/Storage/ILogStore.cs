namespace Lakehouse.Delta.Storage;

/// <summary>
/// Decides who owns commit N of one Delta table and reads commits back: the storage half of optimistic concurrency.
/// One instance is bound to one table (see <see cref="ILogStoreFactory"/>); version N lives at
/// <c>&lt;table&gt;/_delta_log/%020d.json</c>.
/// </summary>
/// <remarks>
/// Contract:
/// <list type="bullet">
/// <item><see cref="TryWriteCommitAsync"/> is write-once mutual exclusion: of concurrent writers of version N exactly one
/// gets <see cref="CommitWriteResult.Committed"/>; the others get <see cref="CommitWriteResult.VersionExists"/>. An existing
/// N.json is never overwritten. Once a call returned Committed, N.json becomes visible to every reader (immediately for
/// put-if-absent stores; at the latest on the next <see cref="GetLatestVersionAsync"/> or <see cref="ReadCommitAsync"/>
/// for coordinated stores, which repair incomplete entries first).</item>
/// <item>An ambiguous failure (timeout, throttling whose outcome is unknown) is not reported as Committed or
/// VersionExists: the store throws, and the caller re-reads the log to find out (idempotent commits carry a txn action).</item>
/// <item><see cref="GetLatestVersionAsync"/> returns the newest committed version (the maximum of the listing and any
/// external coordinator), or null for a table without commits.</item>
/// </list>
/// Implementations: put-if-absent on an <see cref="IObjectStore"/> (filesystem, S3 If-None-Match) and DynamoDB-coordinated
/// (S3DynamoDBLogStore protocol, shared/reference/dynamodb-log-store.md). One table must never mix coordinators.
/// </remarks>
public interface ILogStore
{
    /// <summary>The table root this store is bound to, as a URI for messages (e.g. <c>s3://lake/sales/bronze/orders</c>).</summary>
    string TableUri { get; }

    /// <summary>The bytes of commit <paramref name="version"/>, or null when it does not exist (after any repair).</summary>
    Task<ReadOnlyMemory<byte>?> ReadCommitAsync(long version, CancellationToken cancellationToken);

    /// <summary>Tries to create commit <paramref name="version"/> with <paramref name="actions"/> (newline-delimited JSON).</summary>
    Task<CommitWriteResult> TryWriteCommitAsync(long version, ReadOnlyMemory<byte> actions, CancellationToken cancellationToken);

    /// <summary>The newest committed version, or null when the table has no commit yet.</summary>
    Task<long?> GetLatestVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True for coordinated stores (DynamoDB), where a commit can be decided before its N.json is visible: readers
    /// must call <see cref="GetLatestVersionAsync"/> (which repairs) before listing the log. Put-if-absent stores
    /// decide and publish in one step and keep the default, false.
    /// </summary>
    bool RequiresRepairBeforeListing => false;
}
