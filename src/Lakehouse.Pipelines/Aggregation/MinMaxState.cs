using System.Numerics;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>min / max of fixed-width values (numbers, dates, timestamps, decimals); the result has the input type, null for a group without values.</summary>
internal sealed class MinMaxState<T> : AggregateState
    where T : unmanaged, IComparisonOperators<T, T, bool>
{
    private readonly DataType _type;
    private readonly bool _max;
    private T[] _values = new T[16];
    private bool[] _seen = new bool[16];

    public MinMaxState(DataType type, bool max)
    {
        _type = type;
        _max = max;
    }

    public override DataType ResultType => _type;

    public override void Update(ReadOnlySpan<int> groups, EvalColumn? input, int groupCount)
    {
        Grow(ref _values, groupCount);
        Grow(ref _seen, groupCount);
        var column = (PrimitiveColumn<T>)input!;
        var values = column.Values.Span;
        var nulls = column.Nulls.Span;
        for (var i = 0; i < groups.Length; i++)
        {
            if (!nulls.IsEmpty && nulls[i])
            {
                continue;
            }

            Offer(groups[i], values[i]);
        }
    }

    private void Offer(int group, T value)
    {
        if (!_seen[group] || (_max ? value > _values[group] : value < _values[group]))
        {
            _values[group] = value;
            _seen[group] = true;
        }
    }

    public override void Merge(AggregateState other, ReadOnlySpan<int> map, int groupCount)
    {
        Grow(ref _values, groupCount);
        Grow(ref _seen, groupCount);
        var o = (MinMaxState<T>)other;
        for (var g = 0; g < map.Length; g++)
        {
            if (o._seen[g])
            {
                Offer(map[g], o._values[g]);
            }
        }
    }

    public override ColumnVector Finish(int groupCount)
    {
        Grow(ref _values, groupCount);
        Grow(ref _seen, groupCount);
        var nulls = new bool[groupCount];
        NullMasks.Not(_seen.AsSpan(0, groupCount), nulls);
        var vector = (PrimitiveVector<T>)ColumnVector.Create(_type, groupCount);
        vector.AppendRange(_values.AsSpan(0, groupCount), nulls);
        return vector;
    }
}
