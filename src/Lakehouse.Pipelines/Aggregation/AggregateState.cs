using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>
/// Per-group running state of one aggregate, in arrays indexed by group id (so memory follows the number of groups).
/// States of two aggregators over the same specs merge, which lets partial aggregates be combined later.
/// </summary>
internal abstract class AggregateState
{
    public abstract DataType ResultType { get; }

    /// <summary>Folds one batch: row <c>i</c> belongs to group <c>groups[i]</c>; <paramref name="input"/> is the evaluated argument (never a scalar; null for count(*)).</summary>
    public abstract void Update(ReadOnlySpan<int> groups, EvalColumn? input, int groupCount);

    /// <summary>Folds <paramref name="other"/>'s groups in: its group <c>g</c> is this table's group <c>map[g]</c>.</summary>
    public abstract void Merge(AggregateState other, ReadOnlySpan<int> map, int groupCount);

    /// <summary>The result of every group, in group id order.</summary>
    public abstract ColumnVector Finish(int groupCount);

    protected static void Grow<T>(ref T[] array, int groupCount)
    {
        if (array.Length < groupCount)
        {
            Array.Resize(ref array, Math.Max(groupCount, array.Length * 2));
        }
    }
}
