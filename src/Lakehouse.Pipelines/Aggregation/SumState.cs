using System.Numerics;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>
/// sum and avg over integers (long accumulator; overflow fails naming the aggregate) and floating point (double).
/// Spark result types: sum(integral) → bigint, sum(float/double) → double, avg → double. Null for a group with no non-null value.
/// </summary>
internal sealed class SumState : AggregateState
{
    private readonly AggregateSpec _spec;
    private readonly bool _average;
    private readonly bool _floating;
    private long[] _longs = new long[16];
    private double[] _doubles = new double[16];
    private long[] _counts = new long[16];

    public SumState(AggregateSpec spec, DataType inputType, bool average)
    {
        _spec = spec;
        _average = average;
        _floating = inputType.Kind is TypeKind.Float or TypeKind.Double || average;
    }

    public override DataType ResultType => _floating ? DataType.Double : DataType.Long;

    public override void Update(ReadOnlySpan<int> groups, EvalColumn? input, int groupCount)
    {
        Grow(ref _longs, groupCount);
        Grow(ref _doubles, groupCount);
        Grow(ref _counts, groupCount);
        switch (input)
        {
            case PrimitiveColumn<int> c when _floating: AddFloating(groups, c); break;
            case PrimitiveColumn<long> c when _floating: AddFloating(groups, c); break;
            case PrimitiveColumn<int> c: AddIntegral(groups, c); break;
            case PrimitiveColumn<long> c: AddIntegral(groups, c); break;
            case PrimitiveColumn<float> c: AddFloating(groups, c); break;
            case PrimitiveColumn<double> c: AddFloating(groups, c); break;
            default: throw new InvalidOperationException($"sum over {input?.Type}");
        }
    }

    private void AddIntegral<T>(ReadOnlySpan<int> groups, PrimitiveColumn<T> column)
        where T : unmanaged, IBinaryInteger<T>
    {
        var values = column.Values.Span;
        var nulls = column.Nulls.Span;
        var sums = _longs;
        var counts = _counts;
        var overflow = false;
        for (var i = 0; i < groups.Length; i++)
        {
            if (!nulls.IsEmpty && nulls[i])
            {
                continue;
            }

            var g = groups[i];
            var a = sums[g];
            var b = long.CreateTruncating(values[i]);
            var r = unchecked(a + b);
            overflow |= ((a ^ r) & (b ^ r)) < 0;
            sums[g] = r;
            counts[g]++;
        }

        if (overflow)
        {
            throw Overflow();
        }
    }

    private void AddFloating<T>(ReadOnlySpan<int> groups, PrimitiveColumn<T> column)
        where T : unmanaged, INumberBase<T>
    {
        var values = column.Values.Span;
        var nulls = column.Nulls.Span;
        var sums = _doubles;
        var counts = _counts;
        for (var i = 0; i < groups.Length; i++)
        {
            if (!nulls.IsEmpty && nulls[i])
            {
                continue;
            }

            var g = groups[i];
            sums[g] += double.CreateTruncating(values[i]);
            counts[g]++;
        }
    }

    private ExpressionException Overflow() => ExpressionException.At(_spec.Text, _spec.Origin, 0,
        $"aggregate '{_spec.Name}' overflowed bigint; sum a CAST(... AS decimal(38,0)) instead");

    public override void Merge(AggregateState other, ReadOnlySpan<int> map, int groupCount)
    {
        Grow(ref _longs, groupCount);
        Grow(ref _doubles, groupCount);
        Grow(ref _counts, groupCount);
        var o = (SumState)other;
        for (var g = 0; g < map.Length; g++)
        {
            var t = map[g];
            _longs[t] = checked(_longs[t] + o._longs[g]);
            _doubles[t] += o._doubles[g];
            _counts[t] += o._counts[g];
        }
    }

    public override ColumnVector Finish(int groupCount)
    {
        Grow(ref _longs, groupCount);
        Grow(ref _doubles, groupCount);
        Grow(ref _counts, groupCount);
        var nulls = new bool[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            nulls[g] = _counts[g] == 0;
        }

        if (!_floating)
        {
            var longs = new Int64Vector(DataType.Long, groupCount);
            longs.AppendRange(_longs.AsSpan(0, groupCount), nulls);
            return longs;
        }

        var results = new double[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            results[g] = _average ? _doubles[g] / _counts[g] : _doubles[g];
        }

        var vector = new DoubleVector(groupCount);
        vector.AppendRange(results, nulls);
        return vector;
    }
}
