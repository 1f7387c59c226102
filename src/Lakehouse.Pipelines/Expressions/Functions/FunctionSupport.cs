using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Functions;

/// <summary>Row loops shared by function kernels: a row whose arguments include a null gives null (unless stated otherwise).</summary>
internal static class FunctionSupport
{
    /// <summary>Computes one value per row; returns false for "null here".</summary>
    public delegate bool RowFunction<T>(int row, out T value);

    /// <summary>Writes one string per row into the builder; returns false for "null here" (and writes nothing).</summary>
    public delegate bool RowWriter(int row, BinaryBuilder output);

    public static PrimitiveColumn<T> Primitive<T>(EvalColumn[] args, in KernelContext context, RowFunction<T> compute)
        where T : unmanaged
    {
        var rows = context.RowsFor(args);
        var values = new T[rows];
        var nulls = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            if (AnyNull(args, i) || !compute(i, out values[i]))
            {
                nulls[i] = true;
            }
        }

        return new PrimitiveColumn<T>(context.ResultType, values, NullMasks.Compact(nulls), KernelContext.AllScalar(args));
    }

    /// <summary>Rows follow all of <paramref name="args"/>; only <paramref name="nullChecked"/> (default: all) make a row null.</summary>
    public static BinaryColumn Text(EvalColumn[] args, in KernelContext context, RowWriter write, int expectedBytes = 0, EvalColumn[]? nullChecked = null)
    {
        nullChecked ??= args;
        var rows = context.RowsFor(args);
        var size = expectedBytes > 0 ? expectedBytes : args.OfType<BinaryColumn>().Select(a => a.Data.Length).DefaultIfEmpty(16).Max();
        var builder = new BinaryBuilder(context.ResultType, rows, size);
        for (var i = 0; i < rows; i++)
        {
            if (AnyNull(nullChecked, i) || !write(i, builder))
            {
                builder.AppendNull();
            }
        }

        return builder.Build(KernelContext.AllScalar(args));
    }

    public static bool AnyNull(EvalColumn[] args, int row)
    {
        foreach (var a in args)
        {
            if (a.IsNull(row))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An integral argument (int or long representation) at a row.</summary>
    public static long Integer(EvalColumn column, int row) => column switch
    {
        PrimitiveColumn<int> c => c.ValueAt(row),
        PrimitiveColumn<long> c => c.ValueAt(row),
        _ => throw new InvalidOperationException($"Expected an integral column, got {column.Type}."),
    };

    public static int Utf8Length(ReadOnlySpan<byte> value)
    {
        var count = 0;
        foreach (var b in value)
        {
            count += (b & 0xC0) != 0x80 ? 1 : 0;
        }

        return count;
    }

    /// <summary>Byte offset of character <paramref name="chars"/> (clamped to the end).</summary>
    public static int ByteOffsetOfChar(ReadOnlySpan<byte> value, int chars)
    {
        var seen = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if ((value[i] & 0xC0) != 0x80)
            {
                if (seen == chars)
                {
                    return i;
                }

                seen++;
            }
        }

        return value.Length;
    }

    public static DataType ResultTypeOf(in KernelContext context) => context.ResultType;
}
