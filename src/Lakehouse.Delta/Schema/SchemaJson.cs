using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lakehouse.Delta.Errors;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Schema;

/// <summary>Converts between Spark's StructType JSON (the metaData <c>schemaString</c>) and <see cref="StructType"/>.</summary>
public static class SchemaJson
{
    /// <summary>Parses a schemaString. Field metadata is kept as raw JSON in <see cref="StructField.MetadataJson"/>.</summary>
    public static StructType Parse(string schemaString)
    {
        ArgumentNullException.ThrowIfNull(schemaString);
        try
        {
            using var doc = JsonDocument.Parse(schemaString);
            return ParseType(doc.RootElement, "<root>") as StructType
                ?? throw new DeltaProtocolException($"The table schema is not a struct: {Truncate(schemaString)}.");
        }
        catch (JsonException ex)
        {
            throw new DeltaProtocolException($"The table schema is not valid JSON ({ex.Message}): {Truncate(schemaString)}.", ex);
        }
    }

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200] + "...";

    private static DataType ParseType(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            return ParsePrimitive(e.GetString()!, path);
        }

        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("type", out var typeProp))
        {
            throw new DeltaProtocolException($"Column '{path}' has an unreadable type: {e.GetRawText()}.");
        }

        var kind = typeProp.GetString();
        switch (kind)
        {
            case "struct":
                var fields = new List<StructField>();
                if (e.TryGetProperty("fields", out var fs) && fs.ValueKind == JsonValueKind.Array)
                {
                    foreach (var f in fs.EnumerateArray())
                    {
                        fields.Add(ParseField(f, path));
                    }
                }

                try
                {
                    return new StructType(fields);
                }
                catch (ArgumentException ex)
                {
                    throw new DeltaProtocolException($"Struct '{path}' is invalid: {ex.Message}", ex);
                }

            case "array":
                return new ArrayType(
                    ParseType(e.GetProperty("elementType"), path + ".element"),
                    !e.TryGetProperty("containsNull", out var cn) || cn.ValueKind != JsonValueKind.False);
            case "map":
                return new MapType(
                    ParseType(e.GetProperty("keyType"), path + ".key"),
                    ParseType(e.GetProperty("valueType"), path + ".value"),
                    !e.TryGetProperty("valueContainsNull", out var vcn) || vcn.ValueKind != JsonValueKind.False);
            default:
                throw new DeltaProtocolException($"Column '{path}' has unsupported type '{kind}'.");
        }
    }

    private static StructField ParseField(JsonElement f, string parent)
    {
        var name = f.TryGetProperty("name", out var n) ? n.GetString() : null;
        if (string.IsNullOrEmpty(name))
        {
            throw new DeltaProtocolException($"A field of '{parent}' has no name: {f.GetRawText()}.");
        }

        var path = parent == "<root>" ? name : parent + "." + name;
        var type = ParseType(f.GetProperty("type"), path);
        var nullable = !f.TryGetProperty("nullable", out var nl) || nl.ValueKind != JsonValueKind.False;
        string? metadata = null;
        if (f.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object && m.EnumerateObject().Any())
        {
            metadata = m.GetRawText();
        }

        return new StructField(name, type, nullable, metadata);
    }

    private static DataType ParsePrimitive(string name, string path)
    {
        switch (name)
        {
            case "string": return DataType.String;
            case "long": return DataType.Long;
            case "integer": return DataType.Integer;
            case "short": return DataType.Short;
            case "byte": return DataType.Byte;
            case "float": return DataType.Float;
            case "double": return DataType.Double;
            case "boolean": return DataType.Boolean;
            case "binary": return DataType.Binary;
            case "date": return DataType.Date;
            case "timestamp": return DataType.Timestamp;
            case "decimal": return new DecimalType(10, 0);
        }

        if (name.StartsWith("decimal(", StringComparison.Ordinal) && name.EndsWith(')'))
        {
            var parts = name["decimal(".Length..^1].Split(',');
            if (parts.Length == 2
                && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p)
                && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                && p is >= 1 and <= DecimalType.MaxPrecision && s >= 0 && s <= p)
            {
                return new DecimalType(p, s);
            }
        }

        if (name == "timestamp_ntz")
        {
            throw new DeltaProtocolException(
                $"Column '{path}' has type timestamp_ntz, which needs reader version 3 (feature timestampNtz). This client reads reader version 1 tables only.");
        }

        throw new DeltaProtocolException($"Column '{path}' has unsupported type '{name}'.");
    }

    /// <summary>Writes a schema as Spark StructType JSON (compact, as Spark writes it).</summary>
    public static string Serialize(StructType schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteType(writer, schema);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteType(Utf8JsonWriter w, DataType type)
    {
        switch (type)
        {
            case StructType st:
                w.WriteStartObject();
                w.WriteString("type", "struct");
                w.WriteStartArray("fields");
                foreach (var f in st.Fields)
                {
                    w.WriteStartObject();
                    w.WriteString("name", f.Name);
                    w.WritePropertyName("type");
                    WriteType(w, f.Type);
                    w.WriteBoolean("nullable", f.Nullable);
                    w.WritePropertyName("metadata");
                    w.WriteRawValue(string.IsNullOrWhiteSpace(f.MetadataJson) ? "{}" : f.MetadataJson);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                break;
            case ArrayType at:
                w.WriteStartObject();
                w.WriteString("type", "array");
                w.WritePropertyName("elementType");
                WriteType(w, at.ElementType);
                w.WriteBoolean("containsNull", at.ContainsNull);
                w.WriteEndObject();
                break;
            case MapType mt:
                w.WriteStartObject();
                w.WriteString("type", "map");
                w.WritePropertyName("keyType");
                WriteType(w, mt.KeyType);
                w.WritePropertyName("valueType");
                WriteType(w, mt.ValueType);
                w.WriteBoolean("valueContainsNull", mt.ValueContainsNull);
                w.WriteEndObject();
                break;
            default:
                w.WriteStringValue(type.SimpleName);
                break;
        }
    }
}
