using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Meta;

namespace Lakehouse.Parquet.Schema;

/// <summary>Maps a primitive schema element (physical type plus logical/converted annotation) to our model.</summary>
internal static class PrimitiveMapping
{
    public static ColumnDescriptor Describe(SchemaElement e, List<string> path, int maxDef, int maxRep, string file)
    {
        var physical = e.Type!.Value;
        var (type, conversion) = Map(e, physical, path, file);
        var typeLength = e.TypeLength ?? 0;
        if (physical == PhysicalType.FixedLenByteArray && typeLength <= 0)
        {
            throw new ParquetFormatException($"{file}: column '{string.Join('.', path)}' is FIXED_LEN_BYTE_ARRAY without a valid type_length ({typeLength}). The file is corrupt.");
        }

        return new ColumnDescriptor
        {
            Path = path, MaxDef = maxDef, MaxRep = maxRep, Physical = physical, TypeLength = typeLength, Type = type, Conversion = conversion,
        };
    }

    private static (DataType Type, ValueConversion Conversion) Map(SchemaElement e, PhysicalType physical, List<string> path, string file)
    {
        var logical = e.LogicalType;
        var converted = e.ConvertedType;
        if (logical?.Kind == LogicalTypeKind.Decimal || converted == ConvertedType.Decimal)
        {
            var precision = logical?.Kind == LogicalTypeKind.Decimal ? logical.Precision : e.Precision ?? 0;
            var scale = logical?.Kind == LogicalTypeKind.Decimal ? logical.Scale : e.Scale ?? 0;
            if (precision is < 1 or > DecimalType.MaxPrecision || scale < 0 || scale > precision)
            {
                throw new ParquetFormatException(
                    $"{file}: column '{string.Join('.', path)}' is decimal({precision},{scale}); only precision 1 to 38 with 0 <= scale <= precision is supported.");
            }

            if (physical is PhysicalType.Boolean or PhysicalType.Float or PhysicalType.Double or PhysicalType.Int96)
            {
                throw new ParquetFormatException($"{file}: column '{string.Join('.', path)}' is a decimal stored as {physical}, which the format does not allow.");
            }

            return (new DecimalType(precision, scale), ValueConversion.Decimal);
        }

        switch (physical)
        {
            case PhysicalType.Boolean:
                return (DataType.Boolean, ValueConversion.None);
            case PhysicalType.Int32:
                if (logical?.Kind == LogicalTypeKind.Date || converted == ConvertedType.Date)
                {
                    return (DataType.Date, ValueConversion.None);
                }

                var (bits, signed) = logical?.Kind == LogicalTypeKind.Integer
                    ? (logical.BitWidth, logical.IsSigned)
                    : converted switch
                    {
                        ConvertedType.Int8 => (8, true),
                        ConvertedType.Int16 => (16, true),
                        ConvertedType.UInt8 => (8, false),
                        ConvertedType.UInt16 => (16, false),
                        ConvertedType.UInt32 => (32, false),
                        _ => (32, true),
                    };
                return (bits, signed) switch
                {
                    (8, true) => (DataType.Byte, ValueConversion.None),
                    (16, true) => (DataType.Short, ValueConversion.None),
                    (8, false) => (DataType.Short, ValueConversion.UInt8),
                    (16, false) => (DataType.Integer, ValueConversion.UInt16),
                    (32, false) => (DataType.Long, ValueConversion.UInt32ToLong),
                    _ => (DataType.Integer, ValueConversion.None),
                };
            case PhysicalType.Int64:
                if (logical?.Kind == LogicalTypeKind.Timestamp)
                {
                    return (DataType.Timestamp, logical.Unit switch
                    {
                        TimeUnit.Millis => ValueConversion.TimestampMillis,
                        TimeUnit.Nanos => ValueConversion.TimestampNanos,
                        _ => ValueConversion.None,
                    });
                }

                return converted switch
                {
                    ConvertedType.TimestampMillis => (DataType.Timestamp, ValueConversion.TimestampMillis),
                    ConvertedType.TimestampMicros => (DataType.Timestamp, ValueConversion.None),
                    _ => (DataType.Long, ValueConversion.None),
                };
            case PhysicalType.Int96:
                return (DataType.Timestamp, ValueConversion.Int96Timestamp);
            case PhysicalType.Float:
                return (DataType.Float, ValueConversion.None);
            case PhysicalType.Double:
                return (DataType.Double, ValueConversion.None);
            case PhysicalType.ByteArray:
                var isString = logical?.Kind is LogicalTypeKind.String or LogicalTypeKind.Enum or LogicalTypeKind.Json
                    || converted is ConvertedType.Utf8 or ConvertedType.Enum or ConvertedType.Json;
                return (isString ? DataType.String : DataType.Binary, ValueConversion.None);
            case PhysicalType.FixedLenByteArray:
                return (DataType.Binary, ValueConversion.None);
            default:
                throw new ParquetFormatException($"{file}: column '{string.Join('.', path)}' has unknown physical type {(int)physical}. The file is corrupt or from a newer format.");
        }
    }
}
