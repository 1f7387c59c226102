using System.Globalization;
using System.Text.Json;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Cli.Output;

/// <summary>
/// Canonical text and JSON of column values: dates <c>yyyy-MM-dd</c>, timestamps ISO-8601 UTC with microseconds,
/// decimals as strings (exact), binary as base64, structs as objects, arrays as arrays, maps as objects.
/// </summary>
internal static class CanonicalValue
{
    public static void Write(Utf8JsonWriter w, object? value, DataType type)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case byte[] bytes: w.WriteStringValue(Convert.ToBase64String(bytes)); break;
            case DateOnly d: w.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTime t: w.WriteStringValue(FormatTimestamp(t)); break;
            case DecimalValue dv: w.WriteStringValue(dv.ToString()); break;
            case double d when !double.IsFinite(d): w.WriteStringValue(d.ToString(CultureInfo.InvariantCulture)); break;
            case float f when !float.IsFinite(f): w.WriteStringValue(f.ToString(CultureInfo.InvariantCulture)); break;
            case double d: w.WriteNumberValue(d); break;
            case float f: w.WriteNumberValue(f); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case short s: w.WriteNumberValue(s); break;
            case sbyte sb: w.WriteNumberValue(sb); break;
            case object?[] fields when type is StructType st:
                w.WriteStartObject();
                for (var i = 0; i < st.Fields.Count; i++)
                {
                    w.WritePropertyName(st.Fields[i].Name);
                    Write(w, fields[i], st.Fields[i].Type);
                }

                w.WriteEndObject();
                break;
            case List<object?> items when type is ArrayType at:
                w.WriteStartArray();
                foreach (var item in items)
                {
                    Write(w, item, at.ElementType);
                }

                w.WriteEndArray();
                break;
            case List<KeyValuePair<object, object?>> entries when type is MapType mt:
                w.WriteStartObject();
                foreach (var (k, v) in entries)
                {
                    w.WritePropertyName(Text(k, mt.KeyType) ?? string.Empty);
                    Write(w, v, mt.ValueType);
                }

                w.WriteEndObject();
                break;
            default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>The canonical text of a value (CSV, tables); nested values as JSON.</summary>
    public static string? Text(object? value, DataType type) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => FormatTimestamp(t),
        DecimalValue dv => dv.ToString(),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable n when value is not (object?[] or System.Collections.IList) => n.ToString(null, CultureInfo.InvariantCulture),
        _ => Json(value, type),
    };

    private static string Json(object value, DataType type)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            Write(w, value, type);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string FormatTimestamp(DateTime t) =>
        DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
