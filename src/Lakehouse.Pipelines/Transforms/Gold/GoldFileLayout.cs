using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Transforms.Rows;

namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>
/// How a full recompute lays out a gold table: one file when the groups fit in one, otherwise the groups sorted by
/// key and cut into files of a bounded number of groups. Sorted files have narrow key ranges in their statistics, so
/// a later incremental update (which rewrites only the files holding affected groups) touches few of them.
/// </summary>
internal static class GoldFileLayout
{
    public static IEnumerable<RecordBatch> Split(RecordBatch result, int keyCount, int groupsPerFile)
    {
        if (result.RowCount <= groupsPerFile || keyCount == 0)
        {
            yield return result;
            yield break;
        }

        var keys = new RowKey[result.RowCount];
        for (var r = 0; r < keys.Length; r++)
        {
            var values = new object?[keyCount];
            for (var k = 0; k < keyCount; k++)
            {
                values[k] = result.Columns[k].GetValue(r);
            }

            keys[r] = new RowKey(values);
        }

        var order = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(order, (a, b) => Compare(keys[a], keys[b]));
        for (var start = 0; start < order.Length; start += groupsPerFile)
        {
            yield return RecordBatchRows.Take(result, order.AsSpan(start, Math.Min(groupsPerFile, order.Length - start)));
        }
    }

    private static int Compare(RowKey a, RowKey b)
    {
        for (var k = 0; k < a.Values.Count; k++)
        {
            var c = ValueComparer.Instance.Compare(a.Values[k], b.Values[k]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }
}
