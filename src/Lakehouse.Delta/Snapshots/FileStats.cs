using System.Text.Json;

namespace Lakehouse.Delta.Snapshots;

/// <summary>Parsed per-file statistics (<c>add.stats</c>): record count and per-column min/max/null counts as JSON.</summary>
public sealed class FileStats
{
    private FileStats(long? numRecords, JsonElement? minValues, JsonElement? maxValues, JsonElement? nullCount)
    {
        NumRecords = numRecords;
        MinValues = minValues;
        MaxValues = maxValues;
        NullCount = nullCount;
    }

    /// <summary>Rows in the file, when the writer recorded it.</summary>
    public long? NumRecords { get; }

    /// <summary>Minimum values, nested like the schema.</summary>
    public JsonElement? MinValues { get; }

    public JsonElement? MaxValues { get; }

    public JsonElement? NullCount { get; }

    /// <summary>Parses a stats JSON string; null when absent or unreadable (readers must tolerate missing stats).</summary>
    public static FileStats? TryParse(string? statsJson)
    {
        if (string.IsNullOrWhiteSpace(statsJson))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(statsJson);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            long? num = root.TryGetProperty("numRecords", out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt64(out var l) ? l : null;
            return new FileStats(num, Get(root, "minValues"), Get(root, "maxValues"), Get(root, "nullCount"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Get(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v.Clone() : null;
}
