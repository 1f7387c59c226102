using System.Runtime.CompilerServices;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Sources.Text;

namespace Lakehouse.Pipelines.Sources.Columns;

internal sealed class StringAppender(BinaryVector vector) : ColumnAppender
{
    public override ColumnVector Vector => vector;

    public override bool KeepsEmptyText => true;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryAppend(ReadOnlySpan<byte> text)
    {
        vector.Append(text);
        return true;
    }
}

internal sealed class Int64Appender(Int64Vector vector, TypeKind kind) : ColumnAppender
{
    public override ColumnVector Vector => vector;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryAppend(ReadOnlySpan<byte> text)
    {
        long value;
        if (kind == TypeKind.Long ? Utf8Values.TryParseLong(text, out value) : Utf8Values.TryParseTimestamp(text, out value))
        {
            vector.Append(value);
            return true;
        }

        return false;
    }
}

internal sealed class Int32Appender(Int32Vector vector, TypeKind kind) : ColumnAppender
{
    public override ColumnVector Vector => vector;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryAppend(ReadOnlySpan<byte> text)
    {
        int value;
        var ok = kind switch
        {
            TypeKind.Date => Utf8Values.TryParseDate(text, out value),
            TypeKind.Integer => Utf8Values.TryParseInt(text, int.MinValue, int.MaxValue, out value),
            TypeKind.Short => Utf8Values.TryParseInt(text, short.MinValue, short.MaxValue, out value),
            _ => Utf8Values.TryParseInt(text, sbyte.MinValue, sbyte.MaxValue, out value),
        };
        if (ok)
        {
            vector.Append(value);
        }

        return ok;
    }
}

/// <summary>Dates (<c>yyyy-MM-dd</c> → days since the epoch): its own class so the hot path has no type switch.</summary>
internal sealed class DateAppender(Int32Vector vector) : ColumnAppender
{
    public override ColumnVector Vector => vector;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryAppend(ReadOnlySpan<byte> text)
    {
        if (Utf8Values.TryParseDate(text, out var value))
        {
            vector.Append(value);
            return true;
        }

        return false;
    }
}

internal sealed class DoubleAppender(DoubleVector vector) : ColumnAppender
{
    public override ColumnVector Vector => vector;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryAppend(ReadOnlySpan<byte> text)
    {
        // The inlined fast path first; it only accepts what the general parser reads the same way.
        if (Utf8Values.TryParseSimpleDouble(text, out var value) || Utf8Values.TryParseDouble(text, out value))
        {
            vector.Append(value);
            return true;
        }

        return false;
    }
}

internal sealed class FloatAppender(FloatVector vector) : ColumnAppender
{
    public override ColumnVector Vector => vector;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryAppend(ReadOnlySpan<byte> text)
    {
        // A double literal outside float's range does not fit.
        if (Utf8Values.TryParseDouble(text, out var value) && (double.IsInfinity(value) || double.IsNaN(value) || Math.Abs(value) <= float.MaxValue))
        {
            vector.Append((float)value);
            return true;
        }

        return false;
    }
}

internal sealed class BooleanAppender(BooleanVector vector) : ColumnAppender
{
    public override ColumnVector Vector => vector;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryAppend(ReadOnlySpan<byte> text)
    {
        if (Utf8Values.TryParseBoolean(text, out var value))
        {
            vector.Append(value);
            return true;
        }

        return false;
    }
}

internal sealed class DecimalAppender(DecimalVector vector) : ColumnAppender
{
    private readonly int _precision = vector.DecimalType.Precision;
    private readonly int _scale = vector.DecimalType.Scale;

    public override ColumnVector Vector => vector;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override bool TryAppend(ReadOnlySpan<byte> text)
    {
        if (Utf8Values.TryParseDecimal(text, _precision, _scale, out var value))
        {
            vector.Append(value);
            return true;
        }

        return false;
    }
}
