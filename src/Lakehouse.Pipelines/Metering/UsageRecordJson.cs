using System.Globalization;
using System.Text.Json;

namespace Lakehouse.Pipelines.Metering;

/// <summary>The JSON form of a usage record (camelCase keys, ISO-8601 UTC times); written and read without reflection.</summary>
public static class UsageRecordJson
{
    public static byte[] Serialize(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("workspaceId", record.WorkspaceId);
            w.WriteString("requestId", record.RequestId);
            w.WriteString("kind", record.Kind.ToString());
            w.WriteString("pipeline", record.Pipeline);
            w.WriteString("stage", record.Stage);
            w.WriteString("function", record.Function);
            w.WriteString("start", record.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("end", record.End.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            w.WriteNumber("billedDurationMs", record.BilledDurationMs);
            w.WriteNumber("memoryMb", record.MemoryMb);
            w.WriteString("architecture", record.Architecture);
            w.WriteNumber("stateTransitions", record.StateTransitions);
            w.WriteBoolean("succeeded", record.Succeeded);
            w.WriteString("ownerId", record.OwnerId);
            w.WriteString("ownerName", record.OwnerName);
            w.WriteStartObject("tags");
            foreach (var (k, v) in record.Tags)
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Parses a record; <paramref name="source"/> names the object in error messages.</summary>
    public static UsageRecord Deserialize(ReadOnlySpan<byte> json, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            var root = doc.RootElement;
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in t.EnumerateObject())
                {
                    tags[p.Name] = p.Value.GetString() ?? string.Empty;
                }
            }

            return new UsageRecord
            {
                WorkspaceId = Required(root, "workspaceId"),
                RequestId = Required(root, "requestId"),
                Kind = Enum.Parse<UsageKind>(Required(root, "kind")),
                Pipeline = Optional(root, "pipeline"),
                Stage = Optional(root, "stage"),
                Function = Required(root, "function"),
                Start = DateTimeOffset.Parse(Required(root, "start"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                End = DateTimeOffset.Parse(Required(root, "end"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                BilledDurationMs = root.TryGetProperty("billedDurationMs", out var ms) ? ms.GetInt64() : 0,
                MemoryMb = root.TryGetProperty("memoryMb", out var mem) ? mem.GetInt32() : 0,
                Architecture = Optional(root, "architecture", "x86_64"),
                StateTransitions = root.TryGetProperty("stateTransitions", out var st) ? st.GetInt64() : 0,
                Succeeded = !root.TryGetProperty("succeeded", out var ok) || ok.GetBoolean(),
                OwnerId = Optional(root, "ownerId"),
                OwnerName = Optional(root, "ownerName"),
                Tags = tags,
            };
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            throw new Billing.BillingException(
                $"Usage record {source} is not valid: {ex.Message} Fix or delete the object; the billing job will not guess its contents.", ex);
        }
    }

    private static string Required(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new KeyNotFoundException($"missing string '{name}'.");

    private static string Optional(JsonElement root, string name, string fallback = "") =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : fallback;
}
