using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>count(*) (every row) or count(x) (non-null values); never null, 0 for an empty group.</summary>
internal sealed class CountState : AggregateState
{
    private long[] _counts = new long[16];

    public override DataType ResultType => DataType.Long;

    public override void Update(ReadOnlySpan<int> groups, EvalColumn? input, int groupCount)
    {
        Grow(ref _counts, groupCount);
        var counts = _counts;
        var nulls = input is null ? default : input.Nulls.Span;
        if (nulls.IsEmpty)
        {
            foreach (var g in groups)
            {
                counts[g]++;
            }

            return;
        }

        for (var i = 0; i < groups.Length; i++)
        {
            counts[groups[i]] += nulls[i] ? 0 : 1;
        }
    }

    public override void Merge(AggregateState other, ReadOnlySpan<int> map, int groupCount)
    {
        Grow(ref _counts, groupCount);
        var source = ((CountState)other)._counts;
        for (var g = 0; g < map.Length; g++)
        {
            _counts[map[g]] += source[g];
        }
    }

    public override ColumnVector Finish(int groupCount)
    {
        Grow(ref _counts, groupCount);
        var vector = new Int64Vector(DataType.Long, groupCount);
        vector.AppendRange(_counts.AsSpan(0, groupCount));
        return vector;
    }
}
