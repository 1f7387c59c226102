using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Partitions;

namespace Lakehouse.Delta.Transactions;

/// <summary>
/// Decides whether a transaction can be re-applied on top of a commit that won the race for its version (PROTOCOL.md and
/// Spark's ConflictChecker, with its isolation levels). Pure: a function of the transaction and the winning actions.
/// </summary>
public static class ConflictChecker
{
    /// <summary>Checks <paramref name="winnerActions"/> (commit <paramref name="winnerVersion"/>) against <paramref name="mine"/>.</summary>
    public static ConflictCheckResult Check(TransactionSummary mine, long winnerVersion, IReadOnlyList<DeltaAction> winnerActions)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(winnerActions);
        foreach (var action in winnerActions)
        {
            switch (action)
            {
                case ProtocolAction:
                    return ConflictCheckResult.Conflict(ConflictKind.ProtocolChanged,
                        $"Commit {winnerVersion} changed the table protocol since version {mine.ReadVersion} was read.");
                case MetadataAction:
                    return ConflictCheckResult.Conflict(ConflictKind.MetadataChanged,
                        $"Commit {winnerVersion} changed the table metadata (schema, partitioning or properties) since version {mine.ReadVersion} was read.");
            }
        }

        var checkAdds = mine.IsolationLevel switch
        {
            IsolationLevel.Serializable => true,
            IsolationLevel.WriteSerializable => !IsBlindAppend(winnerActions),
            _ => false,
        };
        foreach (var action in winnerActions)
        {
            var result = action switch
            {
                AddFile add when checkAdds => CheckAdd(mine, winnerVersion, add),
                RemoveFile remove => CheckRemove(mine, winnerVersion, remove),
                TxnAction txn when mine.AppIds.Contains(txn.AppId) => ConflictCheckResult.Conflict(ConflictKind.ConcurrentTransaction,
                    $"Commit {winnerVersion} already recorded version {txn.Version} of idempotent writer '{txn.AppId}'."),
                _ => ConflictCheckResult.None,
            };
            if (result.IsConflict)
            {
                return result;
            }
        }

        return ConflictCheckResult.None;
    }

    /// <summary>commitInfo.isBlindAppend when the winner wrote it; otherwise true when it removed nothing.</summary>
    private static bool IsBlindAppend(IReadOnlyList<DeltaAction> actions)
    {
        foreach (var a in actions)
        {
            if (a is CommitInfo { IsBlindAppend: { } blind })
            {
                return blind;
            }
        }

        return !actions.Any(a => a is RemoveFile);
    }

    private static ConflictCheckResult CheckAdd(TransactionSummary mine, long winnerVersion, AddFile add)
    {
        // Files added without data change (OPTIMIZE, checkpoint-style rewrites) add no rows a reader could have missed.
        if (mine.IsBlindAppend || !add.DataChange || mine.ReadPredicates.Count == 0)
        {
            return ConflictCheckResult.None;
        }

        var values = TypedValues(mine, add);
        foreach (var predicate in mine.ReadPredicates)
        {
            if (values is null || predicate.Matches(values))
            {
                return ConflictCheckResult.Conflict(ConflictKind.ConcurrentAppend,
                    $"Commit {winnerVersion} added file '{add.Path}' matching this transaction's read predicate ({predicate}).");
            }
        }

        return ConflictCheckResult.None;
    }

    private static ConflictCheckResult CheckRemove(TransactionSummary mine, long winnerVersion, RemoveFile remove)
    {
        var path = DeltaPath.Decode(remove.Path);
        if (mine.RemovedFiles.Contains(path))
        {
            return ConflictCheckResult.Conflict(ConflictKind.ConcurrentDeleteDelete,
                $"Commit {winnerVersion} removed file '{path}', which this transaction also removes.");
        }

        if (mine.ReadFiles.Contains(path))
        {
            return ConflictCheckResult.Conflict(ConflictKind.ConcurrentDeleteRead,
                $"Commit {winnerVersion} removed file '{path}', which this transaction read.");
        }

        return ConflictCheckResult.None;
    }

    /// <summary>The winner's partition values typed like the reader's; null when they cannot be parsed (treated as a match: fail safe).</summary>
    private static Dictionary<string, object?>? TypedValues(TransactionSummary mine, AddFile add)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, type) in mine.PartitionColumnTypes)
        {
            add.PartitionValues.TryGetValue(column, out var text);
            try
            {
                values[column] = PartitionValueCodec.Parse(text, type, column);
            }
            catch (Errors.DeltaProtocolException)
            {
                return null;
            }
        }

        return values;
    }
}
