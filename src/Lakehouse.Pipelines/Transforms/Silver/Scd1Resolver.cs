using Lakehouse.Pipelines.Transforms.Rows;

namespace Lakehouse.Pipelines.Transforms.Silver;

/// <summary>
/// SCD type 1 (Lakeflow AUTO CDC ... STORED AS SCD TYPE 1): one row per key. A change replaces the existing row (or
/// deletes it when deleteWhen matched) only when its sequence value is greater than the stored row's, so a late,
/// out-of-order update never overwrites newer data. Limitation: a deleted key leaves no tombstone, so an update older
/// than the delete that arrives after it re-inserts the key.
/// </summary>
internal sealed class Scd1Resolver(Dictionary<RowKey, ChangeRow> changes, int sequenceIndex)
{
    public long Inserted { get; private set; }

    public long Updated { get; private set; }

    public long Deleted { get; private set; }

    public long Ignored { get; private set; }

    public IEnumerable<object?[]> Resolve(RowKey key, List<object?[]> existing)
    {
        var change = changes[key];
        if (existing.Count == 0)
        {
            if (change.IsDelete)
            {
                Ignored++;
                return [];
            }

            Inserted++;
            return [change.Values];
        }

        var newest = existing.MaxBy(r => r[sequenceIndex], ValueComparer.Instance)!;
        if (ValueComparer.Instance.Compare(change.Sequence, newest[sequenceIndex]) <= 0)
        {
            Ignored++;
            return existing;
        }

        if (change.IsDelete)
        {
            Deleted++;
            return [];
        }

        Updated++;
        return [change.Values];
    }
}
