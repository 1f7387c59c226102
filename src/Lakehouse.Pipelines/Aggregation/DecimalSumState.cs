using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Expressions.Binding;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>
/// sum and avg of decimal(p, s), exactly: sum → decimal(min(38, p + 10), s); avg → decimal(min(38, p + 4), min(38, s + 4))
/// rounded HALF_UP (Spark's types). A sum beyond 38 digits fails naming the aggregate.
/// </summary>
internal sealed class DecimalSumState : AggregateState
{
    private readonly AggregateSpec _spec;
    private readonly DecimalType _input;
    private readonly bool _average;
    private readonly DecimalType _result;
    private Int128[] _sums = new Int128[16];
    private long[] _counts = new long[16];

    public DecimalSumState(AggregateSpec spec, DecimalType input, bool average)
    {
        _spec = spec;
        _input = input;
        _average = average;
        _result = average
            ? TypeCoercion.Bounded(input.Precision + 4, input.Scale + 4)
            : new DecimalType(Math.Min(DecimalType.MaxPrecision, input.Precision + 10), input.Scale);
    }

    public override DataType ResultType => _result;

    public override void Update(ReadOnlySpan<int> groups, EvalColumn? input, int groupCount)
    {
        Grow(ref _sums, groupCount);
        Grow(ref _counts, groupCount);
        var column = (PrimitiveColumn<Int128>)input!;
        var values = column.Values.Span;
        var nulls = column.Nulls.Span;
        var overflow = false;
        for (var i = 0; i < groups.Length; i++)
        {
            if (!nulls.IsEmpty && nulls[i])
            {
                continue;
            }

            var g = groups[i];
            _sums[g] = DecimalMath.AddChecked(_sums[g], values[i], out var o);
            overflow |= o;
            _counts[g]++;
        }

        if (overflow)
        {
            throw Overflow();
        }
    }

    private ExpressionException Overflow() => ExpressionException.At(_spec.Text, _spec.Origin, 0,
        $"aggregate '{_spec.Name}' exceeded 38 digits; reduce the scale of the argument (CAST to decimal(38, fewer digits))");

    public override void Merge(AggregateState other, ReadOnlySpan<int> map, int groupCount)
    {
        Grow(ref _sums, groupCount);
        Grow(ref _counts, groupCount);
        var o = (DecimalSumState)other;
        for (var g = 0; g < map.Length; g++)
        {
            _sums[map[g]] = DecimalMath.AddChecked(_sums[map[g]], o._sums[g], out var overflow);
            _counts[map[g]] += o._counts[g];
            if (overflow)
            {
                throw Overflow();
            }
        }
    }

    public override ColumnVector Finish(int groupCount)
    {
        Grow(ref _sums, groupCount);
        Grow(ref _counts, groupCount);
        var values = new Int128[groupCount];
        var nulls = new bool[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            if (_counts[g] == 0)
            {
                nulls[g] = true;
                continue;
            }

            var value = _average
                ? DecimalMath.Divide(_sums[g], _input.Scale, _counts[g], 0, _result.Scale, out var overflow)
                : DecimalMath.Rescale(_sums[g], _input.Scale, _result.Scale, out overflow);
            if (overflow || DecimalMath.ExceedsPrecision(value, _result.Precision))
            {
                throw Overflow();
            }

            values[g] = value;
        }

        var vector = new DecimalVector(_result, groupCount);
        vector.AppendRange(values, nulls);
        return vector;
    }
}
