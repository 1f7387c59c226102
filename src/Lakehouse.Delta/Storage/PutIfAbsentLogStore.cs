using Lakehouse.Delta.Errors;

namespace Lakehouse.Delta.Storage;

/// <summary>
/// An <see cref="ILogStore"/> that claims commit N by creating <c>_delta_log/N.json</c> with
/// <see cref="IObjectStore.PutIfAbsentAsync"/>: a filesystem hard link, an S3 conditional PUT (<c>If-None-Match: *</c>,
/// what current delta-rs does on S3: no DynamoDB table, one request per commit), or the in-memory store.
/// </summary>
/// <remarks>
/// One table must never mix coordinators: a writer using this store does not see DynamoDB claims, and a
/// DynamoDB-coordinated writer (Spark's S3DynamoDBLogStore, Lakehouse.Aws' DynamoDbLogStore) may have claimed N in
/// DynamoDB before its copy to N.json. Pick one per table, and configure every engine writing the table the same way.
/// After an "already exists" answer, or a <see cref="StorageOutcomeUnknownException"/> (timeout, dropped connection),
/// the store reads N.json back and compares it with its own bytes: a resent request whose first attempt succeeded is
/// thus recognised as this writer's commit, not reported as a lost race.
/// </remarks>
public sealed class PutIfAbsentLogStore : ILogStore
{
    private readonly IObjectStore _store;
    private readonly DeltaLogLayout _layout;

    /// <summary>The store for the table rooted at <paramref name="tableRoot"/> in <paramref name="store"/>.</summary>
    public PutIfAbsentLogStore(IObjectStore store, string tableRoot)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _layout = new DeltaLogLayout(tableRoot);
        TableUri = store.Describe(_layout.TableRoot);
    }

    /// <inheritdoc />
    public string TableUri { get; }

    /// <inheritdoc />
    public async Task<ReadOnlyMemory<byte>?> ReadCommitAsync(long version, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        var bytes = await DeltaLogLayout.TryReadAllAsync(_store, _layout.CommitKey(version), cancellationToken).ConfigureAwait(false);
        return bytes is null ? (ReadOnlyMemory<byte>?)null : new ReadOnlyMemory<byte>(bytes);
    }

    /// <inheritdoc />
    public async Task<CommitWriteResult> TryWriteCommitAsync(long version, ReadOnlyMemory<byte> actions, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        var key = _layout.CommitKey(version);
        PutIfAbsentResult result;
        try
        {
            result = await _store.PutIfAbsentAsync(key, actions, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageOutcomeUnknownException unknown)
        {
            return await ResolveAsync(key, actions, unknown, cancellationToken).ConfigureAwait(false);
        }

        return result == PutIfAbsentResult.Created
            ? CommitWriteResult.Committed
            : await ResolveAsync(key, actions, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<long?> GetLatestVersionAsync(CancellationToken cancellationToken) =>
        _layout.LatestListedVersionAsync(_store, atLeast: null, cancellationToken);

    private async Task<CommitWriteResult> ResolveAsync(string key, ReadOnlyMemory<byte> actions, StorageOutcomeUnknownException? unknown, CancellationToken cancellationToken)
    {
        var existing = await DeltaLogLayout.TryReadAllAsync(_store, key, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            if (unknown is not null)
            {
                throw new StorageOutcomeUnknownException(
                    $"Creating commit {_store.Describe(key)} failed without a definite answer and the file is not there yet; re-read the log before retrying (the write may still land).",
                    unknown);
            }

            throw new DeltaWriteException(
                $"Creating commit {_store.Describe(key)} answered 'already exists' but the file cannot be read. Check whether something deletes commit files (a lifecycle rule, a manual cleanup).");
        }

        return actions.Span.SequenceEqual(existing) ? CommitWriteResult.Committed : CommitWriteResult.VersionExists;
    }
}
