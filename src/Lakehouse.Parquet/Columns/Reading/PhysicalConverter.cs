using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Encodings;
using Lakehouse.Parquet.Columns.Writing;
using Lakehouse.Parquet.Schema;

namespace Lakehouse.Parquet.Columns.Reading;

/// <summary>Appends physical values to a dense vector of the column's logical type, applying its <see cref="ValueConversion"/>.</summary>
internal sealed class PhysicalConverter(ColumnDescriptor column) : IByteArraySink
{
    /// <summary>UNIX epoch as a Julian day number (INT96 timestamps count Julian days).</summary>
    private const long JulianEpochDay = 2_440_588;

    public ColumnVector Target { get; set; } = null!;

    public void AppendInt32(ReadOnlySpan<int> values)
    {
        switch (Target)
        {
            case Int32Vector v:
                switch (column.Conversion)
                {
                    case ValueConversion.UInt8:
                        foreach (var x in values) { v.Append(x & 0xFF); }
                        break;
                    case ValueConversion.UInt16:
                        foreach (var x in values) { v.Append(x & 0xFFFF); }
                        break;
                    default:
                        v.AppendRange(values);
                        break;
                }

                break;
            case Int64Vector l:
                foreach (var x in values) { l.Append((uint)x); }
                break;
            case DecimalVector d:
                foreach (var x in values) { d.Append(x); }
                break;
            default:
                throw Mismatch("INT32");
        }
    }

    public void AppendInt64(ReadOnlySpan<long> values)
    {
        switch (Target)
        {
            case Int64Vector v:
                switch (column.Conversion)
                {
                    case ValueConversion.TimestampMillis:
                        foreach (var x in values) { v.Append(unchecked(x * 1000)); }
                        break;
                    case ValueConversion.TimestampNanos:
                        foreach (var x in values) { v.Append(FloorDiv(x, 1000)); }
                        break;
                    default:
                        v.AppendRange(values);
                        break;
                }

                break;
            case Int32Vector i:
                foreach (var x in values) { i.Append((int)x); }
                break;
            case DecimalVector d:
                foreach (var x in values) { d.Append(x); }
                break;
            default:
                throw Mismatch("INT64");
        }
    }

    /// <summary>Plain-encoded fixed-width values: INT32, INT64, INT96, FLOAT, DOUBLE.</summary>
    public void AppendPlainFixed(ReadOnlySpan<byte> data, int count)
    {
        switch (column.Physical)
        {
            case Meta.PhysicalType.Int32:
                AppendInt32(MemoryMarshal.Cast<byte, int>(Need(data, count, 4)));
                break;
            case Meta.PhysicalType.Int64:
                AppendInt64(MemoryMarshal.Cast<byte, long>(Need(data, count, 8)));
                break;
            case Meta.PhysicalType.Float:
                ((FloatVector)Target).AppendRange(MemoryMarshal.Cast<byte, float>(Need(data, count, 4)));
                break;
            case Meta.PhysicalType.Double:
                ((DoubleVector)Target).AppendRange(MemoryMarshal.Cast<byte, double>(Need(data, count, 8)));
                break;
            case Meta.PhysicalType.Int96:
                var bytes = Need(data, count, 12);
                var target = (Int64Vector)Target;
                for (var i = 0; i < count; i++)
                {
                    var nanos = BinaryPrimitives.ReadInt64LittleEndian(bytes.Slice(i * 12, 8));
                    var day = BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice((i * 12) + 8, 4));
                    target.Append(unchecked(((day - JulianEpochDay) * 86_400_000_000L) + FloorDiv(nanos, 1000)));
                }

                break;
            default:
                throw Mismatch(column.Physical.ToString());
        }
    }

    public void AppendBooleans(ReadOnlySpan<bool> values) => ((BooleanVector)Target).AppendRange(values);

    /// <summary>One BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY value.</summary>
    public void Add(ReadOnlySpan<byte> value)
    {
        switch (Target)
        {
            case BinaryVector b:
                b.Append(value);
                break;
            case DecimalVector d:
                if (value.Length > 16)
                {
                    throw new InvalidDataException($"A decimal value of {value.Length} bytes exceeds 16 bytes (precision 38).");
                }

                d.Append(MinMaxBytes.ToInt128(value));
                break;
            default:
                throw Mismatch("BYTE_ARRAY");
        }
    }

    private static ReadOnlySpan<byte> Need(ReadOnlySpan<byte> data, int count, int width)
    {
        var bytes = (long)count * width;
        if (bytes > data.Length)
        {
            throw new InvalidDataException($"{count} values of {width} bytes need {bytes} bytes, the page has {data.Length}.");
        }

        return data[..(int)bytes];
    }

    private static long FloorDiv(long a, long b)
    {
        var q = a / b;
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
    }

    private InvalidDataException Mismatch(string physical) =>
        new($"Column '{column.DottedPath}' stores {physical} values, which cannot be read as {column.Type}.");
}
