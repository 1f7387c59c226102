using System.Numerics;
using System.Runtime.InteropServices;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>Typed comparison loops producing boolean columns; null in either operand gives null. Strings compare by UTF-8 bytes (code point order, as Spark).</summary>
internal static class ComparisonKernels
{
    public static PrimitiveColumn<bool> Compare<T, TOp>(PrimitiveColumn<T> a, PrimitiveColumn<T> b, EvaluationScope scope)
        where T : unmanaged, IComparisonOperators<T, T, bool>
        where TOp : IComparisonOperator<T>
    {
        if (a.IsNullScalar || b.IsNullScalar)
        {
            return PrimitiveColumn<bool>.NullScalar(DataType.Boolean);
        }

        var rows = scope.RowsFor(a, b);
        var result = new bool[rows];
        var av = a.Values.Span;
        var bv = b.Values.Span;
        if (a.IsScalar && !b.IsScalar)
        {
            var x = av[0];
            bv = bv[..rows];
            for (var i = 0; i < bv.Length; i++)
            {
                result[i] = TOp.Apply(x, bv[i]);
            }
        }
        else if (b.IsScalar && !a.IsScalar)
        {
            var y = bv[0];
            av = av[..rows];
            for (var i = 0; i < av.Length; i++)
            {
                result[i] = TOp.Apply(av[i], y);
            }
        }
        else
        {
            av = av[..rows];
            bv = bv[..rows];
            for (var i = 0; i < av.Length; i++)
            {
                result[i] = TOp.Apply(av[i], bv[i]);
            }
        }

        return new PrimitiveColumn<bool>(DataType.Boolean, result, NullMasks.Union(a, b, rows), rows == 1 && a.IsScalar && b.IsScalar);
    }

    public static PrimitiveColumn<bool> CompareBoolean<TOp>(PrimitiveColumn<bool> a, PrimitiveColumn<bool> b, EvaluationScope scope)
        where TOp : IComparisonOperator<byte>
    {
        var x = new PrimitiveColumn<byte>(DataType.Byte, AsBytes(a.Values), a.Nulls, a.IsScalar);
        var y = new PrimitiveColumn<byte>(DataType.Byte, AsBytes(b.Values), b.Nulls, b.IsScalar);
        return Compare<byte, TOp>(x, y, scope);
    }

    private static byte[] AsBytes(ReadOnlyMemory<bool> values) => MemoryMarshal.Cast<bool, byte>(values.Span).ToArray();

    public static PrimitiveColumn<bool> CompareBinary<TOp>(BinaryColumn a, BinaryColumn b, EvaluationScope scope)
        where TOp : IComparisonOperator<byte>
    {
        if (a.IsNullScalar || b.IsNullScalar)
        {
            return PrimitiveColumn<bool>.NullScalar(DataType.Boolean);
        }

        var rows = scope.RowsFor(a, b);
        var result = new bool[rows];
        var equalityOnly = typeof(TOp) == typeof(ComparisonOperators.Equal<byte>) || typeof(TOp) == typeof(ComparisonOperators.NotEqual<byte>);
        if (equalityOnly && (a.IsScalar || b.IsScalar) && rows > 1)
        {
            var (vector, scalar) = a.IsScalar ? (b, a) : (a, b);
            var constant = scalar.ValueAt(0);
            var data = vector.Data.Span;
            var offsets = vector.Offsets.Span;
            var expect = typeof(TOp) == typeof(ComparisonOperators.Equal<byte>);
            for (var i = 0; i < rows; i++)
            {
                var start = offsets[i];
                var length = offsets[i + 1] - start;
                result[i] = (length == constant.Length && data.Slice(start, length).SequenceEqual(constant)) == expect;
            }
        }
        else
        {
            for (var i = 0; i < rows; i++)
            {
                result[i] = TOp.FromOrder(a.ValueAt(i).SequenceCompareTo(b.ValueAt(i)));
            }
        }

        return new PrimitiveColumn<bool>(DataType.Boolean, result, NullMasks.Union(a, b, rows), rows == 1 && a.IsScalar && b.IsScalar);
    }

    /// <summary><c>a &lt;=&gt; b</c> from the plain equality of the same operands: never null; both null → true, one null → false.</summary>
    public static PrimitiveColumn<bool> NullSafe(PrimitiveColumn<bool> equal, EvalColumn a, EvalColumn b, int rows)
    {
        var an = NullMasks.Expand(a, rows).Span;
        var bn = NullMasks.Expand(b, rows).Span;
        var result = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            var x = !an.IsEmpty && an[i];
            var y = !bn.IsEmpty && bn[i];
            result[i] = x || y ? x && y : equal.ValueAt(i);
        }

        return new PrimitiveColumn<bool>(DataType.Boolean, result, ReadOnlyMemory<bool>.Empty, rows == 1 && a.IsScalar && b.IsScalar);
    }
}
