using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>
/// Keeps the rows of a batch whose group key (evaluated with an aggregation's key expressions) is one of a given set,
/// so that only those groups are recomputed. Lookups do not allocate per row and never grow the set.
/// </summary>
internal sealed class GroupKeyFilter
{
    private readonly HashAggregator _plan;
    private readonly GroupTable _set;

    /// <param name="plan">The aggregation whose key expressions define a row's group.</param>
    /// <param name="keys">One vector per key column holding the wanted keys (in the plan's key types).</param>
    public GroupKeyFilter(HashAggregator plan, IReadOnlyList<ColumnVector> keys)
    {
        _plan = plan;
        _set = new GroupTable(plan.KeyTypes);
        var count = keys.Count == 0 ? 0 : keys[0].Count;
        _set.Assign(keys.Select(ColumnReader.Read).ToArray(), count);
    }

    public int KeyCount => _set.GroupCount;

    /// <summary>The rows of <paramref name="batch"/> in one of the groups (the batch itself when all are).</summary>
    public RecordBatch Apply(RecordBatch batch, EvaluationContext context)
    {
        var selected = new List<int>();
        var chunk = _plan.ChunkRows(batch);
        for (var offset = 0; offset < batch.RowCount; offset += chunk)
        {
            var rows = Math.Min(chunk, batch.RowCount - offset);
            var ids = _set.Lookup(_plan.EvaluateKeys(batch, context, offset, rows), rows);
            for (var r = 0; r < rows; r++)
            {
                if (ids[r] >= 0)
                {
                    selected.Add(offset + r);
                }
            }
        }

        return selected.Count == batch.RowCount ? batch : RecordBatchRows.Take(batch, selected.ToArray());
    }
}
