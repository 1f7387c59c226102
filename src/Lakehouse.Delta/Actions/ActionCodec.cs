using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Lakehouse.Delta.Errors;

namespace Lakehouse.Delta.Actions;

/// <summary>Reads and writes newline-delimited JSON commit files (one action per line, UTF-8).</summary>
public static class ActionCodec
{
    /// <summary>Parses a commit file. Unknown actions and fields are skipped; blank lines are ignored.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="location">The file's URI, for error messages.</param>
    public static IReadOnlyList<DeltaAction> Parse(ReadOnlySpan<byte> content, string location)
    {
        var actions = new List<DeltaAction>();
        var lineNumber = 0;
        while (!content.IsEmpty)
        {
            lineNumber++;
            var end = content.IndexOf((byte)'\n');
            var line = end < 0 ? content : content[..end];
            content = end < 0 ? [] : content[(end + 1)..];
            line = line.TrimEnd((byte)'\r');
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            ActionLine? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize(line, LogJsonContext.Default.ActionLine);
            }
            catch (JsonException ex)
            {
                throw new DeltaProtocolException(
                    $"Malformed action at {location} line {lineNumber}: {ex.Message}. The commit file is corrupt; restore it from a backup or the writer's retry.",
                    ex);
            }

            var action = ToAction(parsed, location, lineNumber);
            if (action is not null)
            {
                actions.Add(action);
            }
        }

        return actions;
    }

    private static DeltaAction? ToAction(ActionLine? line, string location, int lineNumber)
    {
        if (line is null)
        {
            return null;
        }

        if (line.Add is { } add)
        {
            return string.IsNullOrEmpty(add.Path) ? throw MissingField("add", "path", location, lineNumber) : add;
        }

        if (line.Remove is { } remove)
        {
            return string.IsNullOrEmpty(remove.Path) ? throw MissingField("remove", "path", location, lineNumber) : remove;
        }

        if (line.Txn is { } txn)
        {
            return string.IsNullOrEmpty(txn.AppId) ? throw MissingField("txn", "appId", location, lineNumber) : txn;
        }

        if (line.MetaData is { } metadata)
        {
            return string.IsNullOrEmpty(metadata.SchemaString) ? throw MissingField("metaData", "schemaString", location, lineNumber) : metadata;
        }

        if (line.Protocol is { } protocol)
        {
            return protocol;
        }

        return line.CommitInfo is { ValueKind: JsonValueKind.Object } info ? ParseCommitInfo(info) : null;
    }

    private static DeltaProtocolException MissingField(string action, string field, string location, int lineNumber) =>
        new($"The {action} action at {location} line {lineNumber} has no '{field}'. The commit file is corrupt or written by a broken engine.");

    /// <summary>Reads the fields of a commitInfo object tolerantly (engines differ in types).</summary>
    internal static CommitInfo ParseCommitInfo(JsonElement info)
    {
        return new CommitInfo
        {
            Timestamp = GetLong(info, "timestamp"),
            Operation = GetString(info, "operation"),
            OperationParameters = GetStringMap(info, "operationParameters"),
            ReadVersion = GetLong(info, "readVersion"),
            IsBlindAppend = info.TryGetProperty("isBlindAppend", out var b) && b.ValueKind is JsonValueKind.True or JsonValueKind.False ? b.GetBoolean() : null,
            EngineInfo = GetString(info, "engineInfo"),
            IsolationLevel = GetString(info, "isolationLevel"),
            OperationMetrics = GetStringMap(info, "operationMetrics"),
            Raw = info.Clone(),
        };
    }

    private static long? GetLong(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l) ? l : null;

    private static string? GetString(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static Dictionary<string, string>? GetStringMap(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in v.EnumerateObject())
        {
            map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        }

        return map;
    }

    /// <summary>Serializes actions as newline-delimited JSON, one action per line, in the given order.</summary>
    public static byte[] Serialize(IEnumerable<DeltaAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var buffer = new ArrayBufferWriter<byte>(1024);
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var action in actions)
        {
            using (var writer = new Utf8JsonWriter(buffer, options))
            {
                writer.WriteStartObject();
                WriteAction(writer, action);
                writer.WriteEndObject();
            }

            buffer.Write("\n"u8);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteAction(Utf8JsonWriter writer, DeltaAction action)
    {
        var ctx = LogJsonContext.Default;
        switch (action)
        {
            case CommitInfo info:
                writer.WritePropertyName("commitInfo");
                JsonSerializer.Serialize(writer, info, ctx.CommitInfo);
                break;
            case ProtocolAction protocol:
                writer.WritePropertyName("protocol");
                JsonSerializer.Serialize(writer, protocol, ctx.ProtocolAction);
                break;
            case MetadataAction metadata:
                writer.WritePropertyName("metaData");
                JsonSerializer.Serialize(writer, metadata, ctx.MetadataAction);
                break;
            case AddFile add:
                writer.WritePropertyName("add");
                JsonSerializer.Serialize(writer, add, ctx.AddFile);
                break;
            case RemoveFile remove:
                writer.WritePropertyName("remove");
                JsonSerializer.Serialize(writer, remove, ctx.RemoveFile);
                break;
            case TxnAction txn:
                writer.WritePropertyName("txn");
                JsonSerializer.Serialize(writer, txn, ctx.TxnAction);
                break;
            default:
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Unsupported action type {action.GetType().Name}."), nameof(action));
        }
    }
}
