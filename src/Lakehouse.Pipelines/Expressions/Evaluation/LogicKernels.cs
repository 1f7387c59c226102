using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>
/// SQL three-valued AND/OR/NOT. AND is false when either side is false (even if the other is null), null when
/// neither is false and one is null; OR dually. Null-free inputs take SIMD paths.
/// </summary>
internal static class LogicKernels
{
    public static PrimitiveColumn<bool> And(PrimitiveColumn<bool> a, PrimitiveColumn<bool> b, int rows) => Combine(a, b, rows, true);

    public static PrimitiveColumn<bool> Or(PrimitiveColumn<bool> a, PrimitiveColumn<bool> b, int rows) => Combine(a, b, rows, false);

    private static PrimitiveColumn<bool> Combine(PrimitiveColumn<bool> a, PrimitiveColumn<bool> b, int rows, bool isAnd)
    {
        var scalar = rows == 1 && a.IsScalar && b.IsScalar;
        var av = Expand(a, rows);
        var bv = Expand(b, rows);
        var an = NullMasks.Expand(a, rows).Span;
        var bn = NullMasks.Expand(b, rows).Span;
        var values = new bool[rows];
        if (an.IsEmpty && bn.IsEmpty)
        {
            if (isAnd)
            {
                NullMasks.And(av, bv, values);
            }
            else
            {
                NullMasks.Or(av, bv, values);
            }

            return new PrimitiveColumn<bool>(DataType.Boolean, values, ReadOnlyMemory<bool>.Empty, scalar);
        }

        var nulls = new bool[rows];
        var anyNull = false;
        for (var i = 0; i < rows; i++)
        {
            var x = av[i];
            var y = bv[i];
            var xn = !an.IsEmpty && an[i];
            var yn = !bn.IsEmpty && bn[i];

            // The dominant value (false for AND, true for OR) decides even against null.
            var dominant = isAnd ? (!xn && !x) || (!yn && !y) : (!xn && x) || (!yn && y);
            var isNull = (xn || yn) && !dominant;
            nulls[i] = isNull;
            anyNull |= isNull;
            values[i] = isAnd ? !dominant : dominant;
        }

        return new PrimitiveColumn<bool>(DataType.Boolean, values, anyNull ? nulls : ReadOnlyMemory<bool>.Empty, scalar);
    }

    public static PrimitiveColumn<bool> Not(PrimitiveColumn<bool> a)
    {
        var values = new bool[a.Values.Length];
        NullMasks.Not(a.Values.Span, values);
        return new PrimitiveColumn<bool>(DataType.Boolean, values, a.Nulls, a.IsScalar);
    }

    /// <summary>Rows whose value is known false (not null, not true) are excluded; used to narrow <c>active</c> for the right side of AND.</summary>
    public static bool[] ActiveWhere(PrimitiveColumn<bool> condition, bool[]? active, bool wanted, int rows)
    {
        var result = new bool[rows];
        var values = Expand(condition, rows);
        var nulls = NullMasks.Expand(condition, rows).Span;
        for (var i = 0; i < rows; i++)
        {
            var isNull = !nulls.IsEmpty && nulls[i];
            result[i] = (active is null || active[i]) && (isNull || values[i] == wanted);
        }

        return result;
    }

    private static ReadOnlySpan<bool> Expand(PrimitiveColumn<bool> column, int rows)
    {
        if (!column.IsScalar || rows == 1)
        {
            return column.Values.Span[..rows];
        }

        var all = new bool[rows];
        all.AsSpan().Fill(column.Values.Span[0]);
        return all;
    }
}
