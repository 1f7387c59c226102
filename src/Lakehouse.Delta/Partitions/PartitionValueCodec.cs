using System.Globalization;
using System.Text;
using Lakehouse.Delta.Errors;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Partitions;

/// <summary>
/// Partition values are strings in the log (PROTOCOL.md "Partition Value Serialization"): numbers in plain text, dates
/// <c>yyyy-MM-dd</c>, timestamps <c>yyyy-MM-dd HH:mm:ss[.ffffff]</c> or ISO-8601 (both UTC), booleans <c>true</c>/<c>false</c>;
/// JSON null or an empty string mean null. This converts between that text and the canonical boxed values of
/// <see cref="ColumnVector.GetValue"/>.
/// </summary>
public static class PartitionValueCodec
{
    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Parses a partition value string into the canonical boxed value for <paramref name="type"/> (null stays null).</summary>
    public static object? Parse(string? text, DataType type, string column)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var inv = CultureInfo.InvariantCulture;
        object? value = type.Kind switch
        {
            TypeKind.String => text,
            TypeKind.Binary => Encoding.UTF8.GetBytes(text),
            TypeKind.Boolean => bool.TryParse(text, out var b) ? b : null,
            TypeKind.Byte => sbyte.TryParse(text, NumberStyles.Integer, inv, out var sb) ? sb : null,
            TypeKind.Short => short.TryParse(text, NumberStyles.Integer, inv, out var s) ? s : null,
            TypeKind.Integer => int.TryParse(text, NumberStyles.Integer, inv, out var i) ? i : null,
            TypeKind.Long => long.TryParse(text, NumberStyles.Integer, inv, out var l) ? l : null,
            TypeKind.Float => float.TryParse(text, NumberStyles.Float, inv, out var f) ? f : null,
            TypeKind.Double => double.TryParse(text, NumberStyles.Float, inv, out var d) ? d : null,
            TypeKind.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var date) ? date : null,
            TypeKind.Timestamp => DateTime.TryParseExact(text, TimestampFormats, inv, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var ts)
                ? DateTime.SpecifyKind(ts, DateTimeKind.Utc) : null,
            TypeKind.Decimal => DecimalValue.TryParse(text, ((DecimalType)type).Precision, ((DecimalType)type).Scale, out var dec) ? dec : null,
            _ => throw new DeltaProtocolException($"Partition column '{column}' has type {type}, which cannot be a partition column."),
        };

        return value ?? throw new DeltaProtocolException(
            $"Partition value '{text}' of column '{column}' is not a valid {type}. The log is inconsistent with the schema.");
    }

    /// <summary>Formats a canonical boxed value as a partition value string (null for null).</summary>
    public static string? Format(object? value, DataType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var inv = CultureInfo.InvariantCulture;
        return value switch
        {
            null => null,
            string s => s,
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            bool b => b ? "true" : "false",
            DateOnly d => d.ToString("yyyy-MM-dd", inv),
            DateTime t => FormatTimestamp(t),
            DecimalValue dv => dv.ToString(),
            float f => f.ToString("R", inv),
            double d => d.ToString("R", inv),
            IFormattable n => n.ToString(null, inv),
            _ => value.ToString(),
        };
    }

    private static string FormatTimestamp(DateTime t)
    {
        var utc = t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t;
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
    }
}
