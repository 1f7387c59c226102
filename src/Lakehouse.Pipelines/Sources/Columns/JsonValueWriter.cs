using System.Text;
using System.Text.Json;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Sources.Columns;

/// <summary>
/// Writes one JSON value (the reader's current token and, for objects and arrays, everything inside) into a vector
/// of a target type, or only checks that it fits (vector null). Objects become structs or maps, arrays lists; any
/// value becomes a string (objects and arrays as their JSON text); strings convert to scalar types by their text.
/// A value that does not fit makes the whole call return false: callers check first (vector null) and write
/// second, so a failed value never leaves a half-written row. Object fields the struct type lacks are rescued
/// under their dotted path when <c>rescueUnknown</c> is set, and make the value not fit otherwise.
/// </summary>
internal sealed class JsonValueWriter
{
    private readonly Dictionary<StructType, Dictionary<string, int>> _lookups = new(ReferenceEqualityComparer.Instance);
    private byte[] _scratch = new byte[256];

    /// <summary>Parses <paramref name="text"/> as one JSON value into <paramref name="vector"/>; false (nothing appended) if it is not JSON or does not fit.</summary>
    public bool TryWriteDocument(ReadOnlySpan<byte> text, ColumnVector vector)
    {
        try
        {
            var probe = new Utf8JsonReader(text);
            if (!probe.Read() || !TryWrite(ref probe, text, vector.Type, null, null, false, null) || probe.Read())
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        var reader = new Utf8JsonReader(text);
        reader.Read();
        return TryWrite(ref reader, text, vector.Type, vector, null, false, null);
    }

    /// <summary>
    /// Writes the value at <paramref name="reader"/> (positioned on its first token; left on its last).
    /// <paramref name="json"/> is the buffer the reader reads, for raw text of nested values.
    /// </summary>
    public bool TryWrite(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, DataType type, ColumnVector? vector, RescueRecorder? rescue, bool rescueUnknown, string? path)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                vector?.AppendNull();
                return true;
            case JsonTokenType.String:
                if (type.Kind == TypeKind.Binary)
                {
                    if (!reader.TryGetBytesFromBase64(out var bytes))
                    {
                        return false;
                    }

                    ((BinaryVector?)vector)?.Append(bytes);
                    return true;
                }

                return TextValueWriter.TryAppend(type, Unescaped(ref reader), vector);
            case JsonTokenType.Number:
                return type.Kind is not (TypeKind.Date or TypeKind.Timestamp or TypeKind.Boolean or TypeKind.Binary)
                    && TextValueWriter.TryAppend(type, reader.ValueSpan, vector);
            case JsonTokenType.True or JsonTokenType.False:
                if (type.Kind == TypeKind.Boolean)
                {
                    ((BooleanVector?)vector)?.Append(reader.TokenType == JsonTokenType.True);
                    return true;
                }

                if (type.Kind == TypeKind.String)
                {
                    ((BinaryVector?)vector)?.Append(reader.TokenType == JsonTokenType.True ? "true"u8 : "false"u8);
                    return true;
                }

                return false;
            case JsonTokenType.StartObject when type is StructType structType:
                return TryWriteStruct(ref reader, json, structType, (StructVector?)vector, rescue, rescueUnknown, path);
            case JsonTokenType.StartObject when type is MapType mapType:
                return TryWriteMap(ref reader, json, mapType, (MapVector?)vector, rescue, rescueUnknown, path);
            case JsonTokenType.StartArray when type is ArrayType arrayType:
                var list = (ListVector?)vector;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!TryWrite(ref reader, json, arrayType.ElementType, list?.Elements, rescue, rescueUnknown, path))
                    {
                        return false;
                    }
                }

                list?.EndEntry();
                return true;
            case JsonTokenType.StartObject or JsonTokenType.StartArray when type.Kind == TypeKind.String:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                ((BinaryVector?)vector)?.Append(json[start..(int)reader.BytesConsumed]);
                return true;
            default:
                return false;
        }
    }

    private bool TryWriteStruct(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, StructType type, StructVector? vector, RescueRecorder? rescue, bool rescueUnknown, string? path)
    {
        var count = type.Fields.Count;
        Span<bool> filled = count <= 64 ? stackalloc bool[64] : new bool[count];
        filled = filled[..count];
        filled.Clear();
        var lookup = Lookup(type);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = Find(lookup, ref reader, out var escapedName);
            var nameSpan = reader.ValueSpan;
            reader.Read();
            if (index < 0 || filled[index])
            {
                if (!rescueUnknown)
                {
                    return false;
                }

                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (vector is not null && rescue is not null)
                {
                    var name = escapedName ?? Encoding.UTF8.GetString(nameSpan);
                    rescue.AddJson(path is null ? name : $"{path}.{name}", json[start..(int)reader.BytesConsumed]);
                }

                continue;
            }

            filled[index] = true;
            var field = type.Fields[index];
            var childPath = vector is not null && rescue is not null && rescueUnknown && field.Type.IsNested
                ? (path is null ? field.Name : $"{path}.{field.Name}")
                : null;
            if (!TryWrite(ref reader, json, field.Type, vector?.Children[index], rescue, rescueUnknown, childPath))
            {
                return false;
            }
        }

        if (vector is not null)
        {
            for (var i = 0; i < count; i++)
            {
                if (!filled[i])
                {
                    vector.Children[i].AppendNull();
                }
            }

            vector.EndEntry();
        }

        return true;
    }

    private bool TryWriteMap(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, MapType type, MapVector? vector, RescueRecorder? rescue, bool rescueUnknown, string? path)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!TextValueWriter.TryAppend(type.KeyType, Unescaped(ref reader), vector?.Keys))
            {
                return false;
            }

            reader.Read();
            if (!TryWrite(ref reader, json, type.ValueType, vector?.Values, rescue, rescueUnknown, path))
            {
                return false;
            }
        }

        vector?.EndEntry();
        return true;
    }

    /// <summary>The current string or property name as unescaped UTF-8 (a view into the input when nothing is escaped).</summary>
    public ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        if (_scratch.Length < reader.ValueSpan.Length)
        {
            _scratch = new byte[Math.Max(reader.ValueSpan.Length, _scratch.Length * 2)];
        }

        var n = reader.CopyString(_scratch);
        return _scratch.AsSpan(0, n);
    }

    /// <summary>Index of the property name at the reader in the struct (case-insensitive), or -1.</summary>
    public static int Find(Dictionary<string, int> lookup, ref Utf8JsonReader reader, out string? escapedName)
    {
        escapedName = null;
        var span = reader.ValueSpan;
        if (reader.ValueIsEscaped || span.Length > 256)
        {
            escapedName = reader.GetString()!;
            return lookup.TryGetValue(escapedName, out var i) ? i : -1;
        }

        Span<char> chars = stackalloc char[256];
        var n = Encoding.UTF8.GetChars(span, chars);
        return lookup.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..n], out var index) ? index : -1;
    }

    public Dictionary<string, int> Lookup(StructType type)
    {
        if (!_lookups.TryGetValue(type, out var lookup))
        {
            lookup = new Dictionary<string, int>(type.Fields.Count, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < type.Fields.Count; i++)
            {
                lookup[type.Fields[i].Name] = i;
            }

            _lookups[type] = lookup;
        }

        return lookup;
    }
}
