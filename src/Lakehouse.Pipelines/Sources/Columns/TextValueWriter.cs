using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Sources.Text;

namespace Lakehouse.Pipelines.Sources.Columns;

/// <summary>
/// Converts a text value to any scalar type and appends it to a vector of that type (or only checks it, when the
/// vector is null). Used for JSON strings, map keys and other non-hot paths; CSV columns use <see cref="ColumnAppender"/>.
/// </summary>
internal static class TextValueWriter
{
    public static bool TryAppend(DataType type, ReadOnlySpan<byte> text, ColumnVector? vector)
    {
        switch (type.Kind)
        {
            case TypeKind.String or TypeKind.Binary:
                ((BinaryVector?)vector)?.Append(text);
                return true;
            case TypeKind.Boolean:
                if (!Utf8Values.TryParseBoolean(text, out var b))
                {
                    return false;
                }

                ((BooleanVector?)vector)?.Append(b);
                return true;
            case TypeKind.Long or TypeKind.Timestamp:
                long l;
                if (!(type.Kind == TypeKind.Long ? Utf8Values.TryParseLong(text, out l) : Utf8Values.TryParseTimestamp(text, out l)))
                {
                    return false;
                }

                ((Int64Vector?)vector)?.Append(l);
                return true;
            case TypeKind.Integer or TypeKind.Short or TypeKind.Byte or TypeKind.Date:
                int i;
                var ok = type.Kind switch
                {
                    TypeKind.Date => Utf8Values.TryParseDate(text, out i),
                    TypeKind.Integer => Utf8Values.TryParseInt(text, int.MinValue, int.MaxValue, out i),
                    TypeKind.Short => Utf8Values.TryParseInt(text, short.MinValue, short.MaxValue, out i),
                    _ => Utf8Values.TryParseInt(text, sbyte.MinValue, sbyte.MaxValue, out i),
                };
                if (!ok)
                {
                    return false;
                }

                ((Int32Vector?)vector)?.Append(i);
                return true;
            case TypeKind.Double or TypeKind.Float:
                if (!Utf8Values.TryParseDouble(text, out var x)
                    || (type.Kind == TypeKind.Float && !double.IsInfinity(x) && !double.IsNaN(x) && Math.Abs(x) > float.MaxValue))
                {
                    return false;
                }

                if (type.Kind == TypeKind.Float)
                {
                    ((FloatVector?)vector)?.Append((float)x);
                }
                else
                {
                    ((DoubleVector?)vector)?.Append(x);
                }

                return true;
            case TypeKind.Decimal:
                var dt = (DecimalType)type;
                if (!Utf8Values.TryParseDecimal(text, dt.Precision, dt.Scale, out var m))
                {
                    return false;
                }

                ((DecimalVector?)vector)?.Append(m);
                return true;
            default:
                return false;
        }
    }
}
