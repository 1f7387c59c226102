using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.DataFlow;
using Lakehouse.Local.StateMachines.Paths;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>
/// Reads the fields of one definition object (a state, a retrier, a catcher), remembering which were read so that
/// <see cref="EnsureAllRead"/> can refuse unknown or unsupported fields by name.
/// </summary>
internal sealed class FieldReader(JsonObject obj, string? state, string prefix = "")
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public string? State => state;

    public bool Has(string name)
    {
        _read.Add(name);
        return obj.ContainsKey(name);
    }

    public JsonNode? Raw(string name)
    {
        _read.Add(name);
        return obj[name];
    }

    public AslDefinitionException Error(string field, string problem) => AslDefinitionException.For(state, prefix + field, problem);

    public string? String(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        return JsonValues.TryGetString(obj[name], out var s) ? s : throw Error(name, "must be a string.");
    }

    public string RequiredString(string name) => String(name) ?? throw Error(name, "is required.");

    public bool? Boolean(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        return JsonValues.TryGetBoolean(obj[name], out var b) ? b : throw Error(name, "must be true or false.");
    }

    public decimal? Number(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        return JsonValues.TryGetNumber(obj[name], out var d) ? d : throw Error(name, "must be a number.");
    }

    public int? Integer(string name, int min)
    {
        var value = Number(name);
        if (value is null)
        {
            return null;
        }

        if (value != decimal.Truncate(value.Value) || value < min || value > int.MaxValue)
        {
            throw Error(name, $"must be an integer of at least {min.ToString(CultureInfo.InvariantCulture)}, got {value.Value.ToString(CultureInfo.InvariantCulture)}.");
        }

        return (int)value.Value;
    }

    /// <summary>A path field; JSON null allowed when <paramref name="allowNull"/>; absent gives <paramref name="absent"/>.</summary>
    public PathField Path(string name, bool allowNull, bool referenceOnly, PathField absent)
    {
        if (!Has(name))
        {
            return absent;
        }

        var node = obj[name];
        if (node is null)
        {
            return allowNull ? new PathField(null) : throw Error(name, "must be a path, not null.");
        }

        return new PathField(ParsePath(name, node, referenceOnly));
    }

    public JsonPath? OptionalPath(string name, bool referenceOnly) =>
        Has(name) ? ParsePath(name, obj[name], referenceOnly) : null;

    public JsonObject? Object(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        return obj[name] as JsonObject ?? throw Error(name, "must be a JSON object.");
    }

    public JsonArray? Array(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        return obj[name] as JsonArray ?? throw Error(name, "must be a JSON array.");
    }

    /// <summary>Refuses any field that no reader asked for: unknown to the States Language or not supported here.</summary>
    public void EnsureAllRead(string what)
    {
        foreach (var (key, _) in obj)
        {
            if (!_read.Contains(key))
            {
                throw Error(key, $"is not a supported field of {what} (the local interpreter supports the JSONPath query language fields of standard workflows; remove it or run on AWS).");
            }
        }
    }

    private JsonPath ParsePath(string name, JsonNode? node, bool referenceOnly)
    {
        if (!JsonValues.TryGetString(node, out var text))
        {
            throw Error(name, $"must be a path string, got {node?.GetValueKind() ?? JsonValueKind.Null}.");
        }

        JsonPath path;
        try
        {
            path = JsonPath.Parse(text);
        }
        catch (JsonPathSyntaxException e)
        {
            throw Error(name, e.Message);
        }

        if (referenceOnly && (!path.IsReference || path.IsContext))
        {
            throw Error(name, $"'{text}' must be a reference path into the state's data ('$...' without wildcards).");
        }

        return path;
    }
}
