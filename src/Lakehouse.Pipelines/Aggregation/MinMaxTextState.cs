using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>min / max of strings (UTF-8 byte order = code point order, as Spark) and binary; copies a value only when it becomes the new extreme.</summary>
internal sealed class MinMaxTextState : AggregateState
{
    private readonly DataType _type;
    private readonly bool _max;
    private byte[]?[] _values = new byte[]?[16];

    public MinMaxTextState(DataType type, bool max)
    {
        _type = type;
        _max = max;
    }

    public override DataType ResultType => _type;

    public override void Update(ReadOnlySpan<int> groups, EvalColumn? input, int groupCount)
    {
        Grow(ref _values, groupCount);
        var column = (BinaryColumn)input!;
        for (var i = 0; i < groups.Length; i++)
        {
            if (!column.IsNull(i))
            {
                Offer(groups[i], column.ValueAt(i));
            }
        }
    }

    private void Offer(int group, ReadOnlySpan<byte> value)
    {
        var current = _values[group];
        if (current is null || (_max ? value.SequenceCompareTo(current) > 0 : value.SequenceCompareTo(current) < 0))
        {
            _values[group] = value.ToArray();
        }
    }

    public override void Merge(AggregateState other, ReadOnlySpan<int> map, int groupCount)
    {
        Grow(ref _values, groupCount);
        var o = (MinMaxTextState)other;
        for (var g = 0; g < map.Length; g++)
        {
            if (o._values[g] is { } value)
            {
                Offer(map[g], value);
            }
        }
    }

    public override ColumnVector Finish(int groupCount)
    {
        Grow(ref _values, groupCount);
        var vector = new BinaryVector(_type, groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            if (_values[g] is { } value)
            {
                vector.Append(value);
            }
            else
            {
                vector.AppendNull();
            }
        }

        return vector;
    }
}
