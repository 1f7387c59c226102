using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Execution;
using Lakehouse.Local.StateMachines.Paths;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>
/// An InputPath/OutputPath/ResultPath setting: a path, or JSON null (input/output become <c>{}</c>; for ResultPath
/// the result is discarded and the input passes through). Absent fields default to <c>$</c>.
/// </summary>
internal readonly record struct PathField(JsonPath? Path)
{
    public static PathField Root { get; } = new(JsonPath.Root);

    public bool IsNull => Path is null;

    /// <summary>InputPath/OutputPath: selects from <paramref name="data"/>; null selects <c>{}</c>.</summary>
    public JsonNode? Select(JsonNode? data, ContextObject? context, string state, string field)
    {
        if (Path is null)
        {
            return new JsonObject();
        }

        if (Path.Segments.Count == 0 && !Path.IsContext)
        {
            return data;
        }

        return Path.TryEvaluate(data, context, out var value)
            ? value
            : throw StatesError.Runtime($"Invalid path '{Path}' in state '{state}' field '{field}': the path references no value in the input.");
    }

    /// <summary>ResultPath: places <paramref name="result"/> into <paramref name="rawInput"/>; null keeps the input.</summary>
    public JsonNode? Merge(JsonNode? rawInput, JsonNode? result, string state, string field)
    {
        if (Path is null)
        {
            return rawInput;
        }

        return Path.TryWrite(rawInput, result, out var output)
            ? output
            : throw StatesError.Runtime($"Invalid path '{Path}' in state '{state}' field '{field}': the result cannot be placed there because the input does not have an object at that position.");
    }
}
