using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lakehouse.Local.StateMachines.DataFlow;

/// <summary>Typed reads of <see cref="JsonNode"/> values that work whether a node came from parsing or was created in code.</summary>
internal static class JsonValues
{
    public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public static bool TryGetString(JsonNode? node, out string value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        value = string.Empty;
        return false;
    }

    public static bool TryGetBoolean(JsonNode? node, out bool value)
    {
        var kind = KindOf(node);
        value = kind == JsonValueKind.True;
        return kind is JsonValueKind.True or JsonValueKind.False;
    }

    public static bool TryGetNumber(JsonNode? node, out decimal value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            var text = v.ToJsonString();
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return true;
            }

            // Outside decimal's range: fall back to double precision and clamp.
            var d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            value = d > 0 ? decimal.MaxValue : decimal.MinValue;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>A JSON number node for <paramref name="value"/>, written as an integer when it has no fraction.</summary>
    public static JsonNode Number(decimal value) =>
        value == decimal.Truncate(value) && value >= long.MinValue && value <= long.MaxValue
            ? JsonValue.Create((long)value)
            : JsonValue.Create(value);

    // Step Functions writes JSON text without HTML-safe escaping (States.JsonToString('<a>') stays "<a>").
    private static readonly JsonSerializerOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Compact JSON text, as Step Functions writes it.</summary>
    public static string Compact(JsonNode? node) => node?.ToJsonString(CompactOptions) ?? "null";

    /// <summary>Parses JSON text, turning a syntax error into null-and-false.</summary>
    public static bool TryParse(string text, out JsonNode? node)
    {
        try
        {
            node = JsonNode.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            node = null;
            return false;
        }
    }

    /// <summary>
    /// Forces every object and array under <paramref name="node"/> to build its children now. Parsed nodes build
    /// them lazily on first access, which is not thread-safe; Map iterations and concurrent context reads share
    /// nodes, so they are materialised once before being shared.
    /// </summary>
    public static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Materialize(child);
                }

                break;
            case JsonArray arr:
                foreach (var child in arr)
                {
                    Materialize(child);
                }

                break;
        }
    }
}
