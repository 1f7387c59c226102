using Lakehouse.Pipelines.Transforms.Rows;

namespace Lakehouse.Pipelines.Transforms.Silver;

/// <summary>
/// Keeps one row per key: the greatest sequence value wins, ties go to the row seen last (input order is commit order,
/// then file order, then row order). NULL sequences lose to any value. Without a sequence column the first row seen is kept.
/// </summary>
internal static class Deduplicator
{
    public static List<ChangeRow> Dedupe(IReadOnlyList<ChangeRow> rows, int[] keyIndexes, bool hasSequence)
    {
        var winners = new Dictionary<RowKey, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var key = RowKey.Of(rows[i].Values, keyIndexes);
            if (!winners.TryGetValue(key, out var current))
            {
                winners[key] = i;
            }
            else if (hasSequence && ValueComparer.Instance.Compare(rows[i].Sequence, rows[current].Sequence) >= 0)
            {
                winners[key] = i;
            }
        }

        var keep = winners.Values.ToArray();
        Array.Sort(keep);
        return keep.Select(i => rows[i]).ToList();
    }
}
