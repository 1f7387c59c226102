using System.Numerics;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>
/// Typed loops for + - * / % over int, long, float and double columns (decimals: <see cref="DecimalKernels"/>).
/// Overflow is detected branch-free inside the loop; only when some row overflowed does a second pass find the
/// first non-null, active row and raise the error. Division and remainder by zero give null (Spark's non-ANSI rule).
/// </summary>
internal static class ArithmeticKernels
{
    public static PrimitiveColumn<T> Run<T, TOp>(
        PrimitiveColumn<T> a, PrimitiveColumn<T> b, bool nullOnZeroDivisor, EvaluationScope scope, bool[]? active, int offset, string symbol)
        where T : unmanaged, INumber<T>
        where TOp : IArithmeticOperator<T>
    {
        var rows = scope.RowsFor(a, b);
        if (a.IsNullScalar || b.IsNullScalar)
        {
            return PrimitiveColumn<T>.NullScalar(a.Type);
        }

        var result = new T[rows];
        var av = a.Values.Span;
        var bv = b.Values.Span;
        var overflow = false;
        if (a.IsScalar && !b.IsScalar)
        {
            var x = av[0];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = TOp.Apply(x, bv[i], out var o);
                overflow |= o;
            }
        }
        else if (b.IsScalar && !a.IsScalar)
        {
            var y = bv[0];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = TOp.Apply(av[i], y, out var o);
                overflow |= o;
            }
        }
        else
        {
            av = av[..result.Length];
            bv = bv[..result.Length];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = TOp.Apply(av[i], bv[i], out var o);
                overflow |= o;
            }
        }

        ReadOnlyMemory<bool> nulls;
        if (nullOnZeroDivisor && ContainsZero(b))
        {
            var mask = NullMasks.UnionWritable(a, b, rows);
            for (var i = 0; i < rows; i++)
            {
                mask[i] |= b.ValueAt(i) == T.Zero;
            }

            nulls = mask;
        }
        else
        {
            nulls = NullMasks.Union(a, b, rows);
        }

        if (overflow)
        {
            var mask = nulls.Span;
            for (var i = 0; i < rows; i++)
            {
                TOp.Apply(a.ValueAt(i), b.ValueAt(i), out var o);
                if (o && (mask.IsEmpty || !mask[i]) && EvaluationScope.IsActive(active, i))
                {
                    throw scope.Fail(offset, $"arithmetic overflow: {a.ValueAt(i)} {symbol} {b.ValueAt(i)} does not fit {a.Type.SimpleName} (CAST an operand to a wider type such as bigint or decimal(38,0))");
                }
            }
        }

        return new PrimitiveColumn<T>(a.Type, result, nulls, a.IsScalar && b.IsScalar);
    }

    private static bool ContainsZero<T>(PrimitiveColumn<T> column)
        where T : unmanaged, INumber<T> => column.Values.Span.Contains(T.Zero);

    public static PrimitiveColumn<T> Negate<T>(PrimitiveColumn<T> a, EvaluationScope scope, bool[]? active, int offset)
        where T : unmanaged, INumber<T>, IMinMaxValue<T>
    {
        var source = a.Values.Span;
        var result = new T[source.Length];
        var isInteger = T.IsInteger(T.One);
        for (var i = 0; i < result.Length; i++)
        {
            var v = source[i];
            if (isInteger && v == T.MinValue && !a.IsNull(i) && EvaluationScope.IsActive(active, i))
            {
                throw scope.Fail(offset, $"arithmetic overflow: -({v}) does not fit {a.Type.SimpleName}");
            }

            result[i] = unchecked(-v);
        }

        return new PrimitiveColumn<T>(a.Type, result, a.Nulls, a.IsScalar);
    }
}
