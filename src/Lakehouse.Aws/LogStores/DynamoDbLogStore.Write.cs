using System.Runtime.InteropServices;
using Lakehouse.Aws.DynamoDb;
using Lakehouse.Aws.Errors;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Aws.LogStores;

public sealed partial class DynamoDbLogStore
{
    /// <summary>
    /// Writes commit <paramref name="version"/> by the S3DynamoDBLogStore steps. Once the DynamoDB claim succeeded the
    /// commit is decided: a failed copy or completion afterwards is logged and left for the next reader or writer to
    /// repair, and the call still returns <see cref="CommitWriteResult.Committed"/>.
    /// </summary>
    /// <exception cref="StorageOutcomeUnknownException">The claim's outcome is unknown; re-read the log.</exception>
    /// <exception cref="ThrottledException">DynamoDB or S3 throttled a step before the claim; nothing was claimed.</exception>
    public async Task<CommitWriteResult> TryWriteCommitAsync(long version, ReadOnlyMemory<byte> actions, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        var fileName = DeltaLogLayout.CommitFileName(version);
        var commitKey = _layout.CommitKey(version);

        // Step 1 (Spark BaseExternalLogStore.write): the previous commit must be complete, and N must be free. One
        // consistent Query reads both entries, so a writer that lost the race for N learns it without staging anything.
        var entries = await _entries.GetRangeAsync(TablePath, DeltaLogLayout.CommitFileName(Math.Max(0, version - 1)), fileName, cancellationToken).ConfigureAwait(false);
        if (entries.Any(e => e.FileName == fileName))
        {
            return CommitWriteResult.VersionExists;
        }

        if (entries.Count > 0 && entries[0] is { Complete: false } previous)
        {
            await RepairAsync(previous, cancellationToken).ConfigureAwait(false);
        }

        // Without an entry for N-1 (version 0, or entries expired by TTL), N.json may exist without an entry too: do not
        // claim over it. With an entry for N-1, N's entry would be younger, so this check is skipped; either way the copy
        // below is put-if-absent and never overwrites N.json.
        if (entries.Count == 0 && await _store.HeadAsync(commitKey, cancellationToken).ConfigureAwait(false) is not null)
        {
            return CommitWriteResult.VersionExists;
        }

        // Step 2: stage the bytes.
        var entry = new CommitEntry(TablePath, fileName, $".tmp/{fileName}.{Guid.NewGuid()}", Complete: false);
        var tempKey = _layout.LogPrefix + entry.TempPath;
        using (var body = AsStream(actions))
        {
            await _store.PutAsync(tempKey, body, cancellationToken).ConfigureAwait(false);
        }

        // Step 3: claim N.
        if (!await ClaimAsync(entry, cancellationToken).ConfigureAwait(false))
        {
            await DeleteUnclaimedTempAsync(tempKey, cancellationToken).ConfigureAwait(false);
            return CommitWriteResult.VersionExists;
        }

        // Steps 4 and 5: decided; copy without overwrite and complete.
        return await CompleteOwnedAsync(entry, commitKey, actions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Claims the entry. "Exists" is checked against the stored tempPath: an SDK retry of a PutItem whose first attempt
    /// landed sees its own entry, which is ours, not a lost race. An unknown outcome is resolved the same way.
    /// </summary>
    private async Task<bool> ClaimAsync(CommitEntry entry, CancellationToken cancellationToken)
    {
        StorageOutcomeUnknownException? unknown = null;
        try
        {
            if (await _entries.TryClaimAsync(entry, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }
        catch (StorageOutcomeUnknownException e)
        {
            unknown = e;
        }

        CommitEntry? stored;
        try
        {
            stored = await _entries.GetAsync(TablePath, entry.FileName, cancellationToken).ConfigureAwait(false);
        }
        catch (LakehouseException e) when (unknown is not null)
        {
            throw new StorageOutcomeUnknownException(
                $"Claiming {entry.FileName} of {TablePath} in DynamoDB table {_entries.TableName} had no definite answer, and reading the entry back failed ({e.Message}). Re-read the log before retrying.",
                unknown);
        }

        if (stored is not null)
        {
            return string.Equals(stored.TempPath, entry.TempPath, StringComparison.Ordinal);
        }

        if (unknown is not null)
        {
            throw new StorageOutcomeUnknownException(
                $"Claiming {entry.FileName} of {TablePath} in DynamoDB table {_entries.TableName} had no definite answer and no entry is visible yet; the request may still land. Re-read the log before retrying.",
                unknown);
        }

        // The condition failed but the entry is gone: it expired between the two calls. Treat N as taken; the caller re-reads.
        return false;
    }

    private async Task<CommitWriteResult> CompleteOwnedAsync(CommitEntry entry, string commitKey, ReadOnlyMemory<byte> actions, CancellationToken cancellationToken)
    {
        try
        {
            if (await _store.PutIfAbsentAsync(commitKey, actions, cancellationToken).ConfigureAwait(false) == PutIfAbsentResult.AlreadyExists)
            {
                var existing = await DeltaLogLayout.TryReadAllAsync(_store, commitKey, cancellationToken).ConfigureAwait(false);
                if (existing is not null && !actions.Span.SequenceEqual(existing))
                {
                    DynamoDbLogStoreLog.ForeignCommitFile(_logger, TablePath, entry.FileName);
                    await _entries.MarkCompleteAsync(TablePath, entry.FileName, ExpireTime(), cancellationToken).ConfigureAwait(false);
                    return CommitWriteResult.VersionExists;
                }
            }

            await _entries.MarkCompleteAsync(TablePath, entry.FileName, ExpireTime(), cancellationToken).ConfigureAwait(false);
        }
        catch (LakehouseException e)
        {
            DynamoDbLogStoreLog.CompletionDeferred(_logger, e, TablePath, entry.FileName);
        }

        return CommitWriteResult.Committed;
    }

    private async Task DeleteUnclaimedTempAsync(string tempKey, CancellationToken cancellationToken)
    {
        try
        {
            await _store.DeleteAsync(tempKey, cancellationToken).ConfigureAwait(false);
        }
        catch (LakehouseException e)
        {
            DynamoDbLogStoreLog.TempCleanupFailed(_logger, e, tempKey);
        }
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
}
