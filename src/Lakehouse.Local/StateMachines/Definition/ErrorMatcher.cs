using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.DataFlow;
using Lakehouse.Local.StateMachines.Execution;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>Reads and checks an ErrorEquals list (shared by Retriers and Catchers).</summary>
internal static class ErrorMatcher
{
    /// <summary>
    /// Reads ErrorEquals: a non-empty array of error names in which States.ALL appears alone, and only in the last
    /// entry of the Retry or Catch array (spec: "Retrying after error", "Fallback states").
    /// </summary>
    public static IReadOnlyList<string> Read(FieldReader reader, bool isLast)
    {
        var array = reader.Array("ErrorEquals") ?? throw reader.Error("ErrorEquals", "is required.");
        if (array.Count == 0)
        {
            throw reader.Error("ErrorEquals", "must name at least one error.");
        }

        var names = new List<string>();
        foreach (var item in array)
        {
            names.Add(JsonValues.TryGetString(item, out var s) && s.Length > 0 ? s : throw reader.Error("ErrorEquals", "must hold error-name strings."));
        }

        if (names.Contains(ErrorNames.All) && (names.Count > 1 || !isLast))
        {
            throw reader.Error("ErrorEquals", "States.ALL must appear alone and in the last entry.");
        }

        return names;
    }

    public static bool Matches(IReadOnlyList<string> errorEquals, string error) =>
        errorEquals.Any(pattern => ErrorNames.Matches(pattern, error));

    public static FieldReader ReaderAt(JsonArray array, int index, string? state, string field)
    {
        var obj = array[index] as JsonObject ?? throw AslDefinitionException.For(state, $"{field}[{index}]", "must be a JSON object.");
        return new FieldReader(obj, state, $"{field}[{index}].");
    }
}
