namespace Lakehouse.Delta.Partitions;

/// <summary>
/// A conjunction of conditions on partition columns: selects files for overwrite/delete by partition and records what
/// a transaction read, so the conflict checker can tell whether a concurrent commit touched it.
/// </summary>
public sealed record PartitionPredicate(IReadOnlyList<PartitionCondition> Conditions)
{
    /// <summary>Matches every file (the whole table).</summary>
    public static readonly PartitionPredicate All = new([]);

    public bool IsAll => Conditions.Count == 0;

    public static PartitionPredicate Equal(string column, object? value) =>
        new([value is null ? new PartitionCondition(column, PartitionComparison.IsNull, []) : new PartitionCondition(column, PartitionComparison.Equal, [value])]);

    public static PartitionPredicate In(string column, params object?[] values) =>
        new([new PartitionCondition(column, PartitionComparison.In, values)]);

    public static PartitionPredicate Compare(string column, PartitionComparison comparison, object? value) =>
        new([new PartitionCondition(column, comparison, [value])]);

    /// <summary>This predicate AND <paramref name="other"/>.</summary>
    public PartitionPredicate And(PartitionPredicate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new([.. Conditions, .. other.Conditions]);
    }

    public bool Matches(IReadOnlyDictionary<string, object?> partitionValues)
    {
        foreach (var c in Conditions)
        {
            if (!c.Matches(partitionValues))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => IsAll ? "true" : string.Join(" AND ", Conditions);
}
