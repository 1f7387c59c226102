using System.Buffers.Binary;
using System.Text;
using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Columns.Writing;
using Lakehouse.Parquet.Meta;
using Lakehouse.Parquet.Schema;

namespace Lakehouse.Parquet.Columns;

/// <summary>Converts statistics values between physical form and the canonical boxed form of <see cref="ColumnVector.GetValue"/>.</summary>
internal static class StatisticsValues
{
    public static object? Box<T>(ColumnDescriptor column, T value)
        where T : unmanaged
    {
        object boxed = value;
        return boxed switch
        {
            int i => BoxInt64(column, i),
            long l => BoxInt64(column, l),
            _ => boxed,
        };
    }

    private static object BoxInt64(ColumnDescriptor column, long v) => column.Type switch
    {
        DecimalType d => new DecimalValue(v, d.Scale),
        _ => column.Type.Kind switch
        {
            TypeKind.Byte => (sbyte)v,
            TypeKind.Short => (short)v,
            TypeKind.Integer => (int)v,
            TypeKind.Date => DateOnly.FromDayNumber(Int32Vector.UnixEpochDayNumber + (int)v),
            TypeKind.Timestamp => Int64Vector.FromUnixMicros(v),
            _ => v,
        },
    };

    public static object? BoxBytes(ColumnDescriptor column, ReadOnlySpan<byte> value) => column.Type switch
    {
        DecimalType d => new DecimalValue(MinMaxBytes.ToInt128(value), d.Scale),
        _ when column.Type.Kind == TypeKind.String => Encoding.UTF8.GetString(value),
        _ => value.ToArray(),
    };

    /// <summary>Decodes a footer statistics value (PLAIN encoding) of <paramref name="column"/>, or null when it cannot be trusted.</summary>
    public static object? Decode(ColumnDescriptor column, byte[]? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            switch (column.Physical)
            {
                case PhysicalType.Boolean:
                    return value.Length >= 1 ? value[0] != 0 : null;
                case PhysicalType.Int32:
                    if (value.Length < 4)
                    {
                        return null;
                    }

                    var i = BinaryPrimitives.ReadInt32LittleEndian(value);
                    return column.Conversion switch
                    {
                        ValueConversion.UInt8 or ValueConversion.UInt16 => column.Type.Kind == TypeKind.Short ? (short)i : i,
                        ValueConversion.UInt32ToLong => (long)(uint)i,
                        _ => BoxInt64(column, i),
                    };
                case PhysicalType.Int64:
                    if (value.Length < 8)
                    {
                        return null;
                    }

                    var l = BinaryPrimitives.ReadInt64LittleEndian(value);
                    return column.Conversion switch
                    {
                        ValueConversion.TimestampMillis => Int64Vector.FromUnixMicros(l * 1000),
                        ValueConversion.TimestampNanos => Int64Vector.FromUnixMicros(Math.DivRem(l, 1000).Quotient),
                        _ => BoxInt64(column, l),
                    };
                case PhysicalType.Float:
                    return value.Length >= 4 ? BinaryPrimitives.ReadSingleLittleEndian(value) : null;
                case PhysicalType.Double:
                    return value.Length >= 8 ? BinaryPrimitives.ReadDoubleLittleEndian(value) : null;
                case PhysicalType.ByteArray:
                case PhysicalType.FixedLenByteArray:
                    if (column.Type is DecimalType && value.Length > 16)
                    {
                        return null;
                    }

                    return BoxBytes(column, value);
                default:
                    return null;
            }
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
