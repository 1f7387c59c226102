using System.Numerics;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>
/// CAST and try_cast between primitive types. ANSI rule: a value that does not convert (malformed text, out of range)
/// fails the run naming the expression, unless the cast is a try_cast (then NULL). Lossless widenings run as plain loops.
/// </summary>
internal static partial class CastKernels
{
    private delegate bool RowCast<T>(int row, out T value);

    public static EvalColumn Cast(EvalColumn source, in CastRequest request)
    {
        var target = request.Target;
        if (Equals(source.Type, target))
        {
            return source;
        }

        if (source.IsNullScalar)
        {
            return ColumnReader.NullScalar(target);
        }

        return target.Kind switch
        {
            TypeKind.Boolean => ToBoolean(source, request),
            TypeKind.Byte => ToInt32(source, sbyte.MinValue, sbyte.MaxValue, request),
            TypeKind.Short => ToInt32(source, short.MinValue, short.MaxValue, request),
            TypeKind.Integer => ToInt32(source, int.MinValue, int.MaxValue, request),
            TypeKind.Long => ToInt64(source, request),
            TypeKind.Float => ToFloating<float>(source, request),
            TypeKind.Double => ToFloating<double>(source, request),
            TypeKind.Decimal => ToDecimal(source, request),
            TypeKind.String => ToText(source, request),
            TypeKind.Binary => Relabel((BinaryColumn)source, target),
            TypeKind.Date => ToDate(source, request),
            TypeKind.Timestamp => ToTimestamp(source, request),
            _ => throw request.Scope.Fail(request.Offset, $"cannot cast {source.Type} to {target}"),
        };
    }

    private static BinaryColumn Relabel(BinaryColumn source, DataType target) =>
        new(target, source.Data, source.Offsets, source.Nulls, source.IsScalar);

    private static PrimitiveColumn<T> Map<T>(EvalColumn source, in CastRequest request, RowCast<T> cast)
        where T : unmanaged
    {
        var rows = source.IsScalar ? 1 : source.Length;
        var values = new T[rows];
        var nulls = new bool[rows];
        var sourceNulls = source.Nulls.Span;
        if (!sourceNulls.IsEmpty)
        {
            sourceNulls[..rows].CopyTo(nulls);
        }

        for (var i = 0; i < rows; i++)
        {
            if (nulls[i])
            {
                continue;
            }

            if (!cast(i, out values[i]))
            {
                if (!request.IsTry && (source.IsScalar || EvaluationScope.IsActive(request.Active, i)))
                {
                    throw request.Failure(source, i);
                }

                nulls[i] = true;
            }
        }

        return new PrimitiveColumn<T>(request.Target, values, NullMasks.Compact(nulls), source.IsScalar);
    }

    /// <summary>Conversions that cannot fail or lose range (int → long, int → double, float → double, ...).</summary>
    private static PrimitiveColumn<TOut> Widen<TIn, TOut>(PrimitiveColumn<TIn> source, DataType target)
        where TIn : unmanaged, INumberBase<TIn>
        where TOut : unmanaged, INumberBase<TOut>
    {
        var input = source.Values.Span;
        var output = new TOut[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = TOut.CreateTruncating(input[i]);
        }

        return new PrimitiveColumn<TOut>(target, output, source.Nulls, source.IsScalar);
    }

    private static PrimitiveColumn<bool> ToBoolean(EvalColumn source, in CastRequest request)
    {
        switch (source)
        {
            case PrimitiveColumn<int> c:
                return Map(source, request, (int r, out bool v) => { v = c.ValueAt(r) != 0; return true; });
            case PrimitiveColumn<long> c when source.Type.Kind == TypeKind.Long:
                return Map(source, request, (int r, out bool v) => { v = c.ValueAt(r) != 0; return true; });
            case PrimitiveColumn<float> c:
                return Map(source, request, (int r, out bool v) => { v = c.ValueAt(r) != 0; return true; });
            case PrimitiveColumn<double> c:
                return Map(source, request, (int r, out bool v) => { v = c.ValueAt(r) != 0; return true; });
            case PrimitiveColumn<Int128> c:
                return Map(source, request, (int r, out bool v) => { v = c.ValueAt(r) != 0; return true; });
            case BinaryColumn c when source.Type.Kind == TypeKind.String:
                return Map(source, request, (int r, out bool v) => TryParseBoolean(c.ValueAt(r), out v));
            default:
                throw Unsupported(source, request);
        }
    }

    internal static bool TryParseBoolean(ReadOnlySpan<byte> text, out bool value)
    {
        text = text.Trim((byte)' ');
        Span<byte> lower = stackalloc byte[5];
        if (text.Length > 5 || System.Text.Ascii.ToLower(text, lower, out var written) != System.Buffers.OperationStatus.Done)
        {
            value = false;
            return false;
        }

        lower = lower[..written];
        value = lower.SequenceEqual("t"u8) || lower.SequenceEqual("true"u8) || lower.SequenceEqual("y"u8) || lower.SequenceEqual("yes"u8) || lower.SequenceEqual("1"u8);
        return value || lower.SequenceEqual("f"u8) || lower.SequenceEqual("false"u8) || lower.SequenceEqual("n"u8) || lower.SequenceEqual("no"u8) || lower.SequenceEqual("0"u8);
    }

    private static ExpressionException Unsupported(EvalColumn source, in CastRequest request) =>
        request.Scope.Fail(request.Offset, $"cannot cast {source.Type} to {request.Target}");
}
