using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.DataFlow;

namespace Lakehouse.Local.StateMachines.Intrinsics;

/// <content>Array functions.</content>
internal static partial class IntrinsicFunctions
{
    private const int MaxArrayItems = 1000;

    private static JsonArray ArrayPartition(JsonNode? array, JsonNode? size)
    {
        var items = AsArray(array, "States.ArrayPartition");
        var chunk = AsInteger(size, "States.ArrayPartition");
        if (chunk <= 0)
        {
            throw Failure("States.ArrayPartition", $"the chunk size must be positive, got {Describe(chunk)}.");
        }

        var result = new JsonArray();
        for (var i = 0; i < items.Count; i += (int)chunk)
        {
            result.Add((JsonNode)new JsonArray(items.Skip(i).Take((int)chunk).Select(n => n?.DeepClone()).ToArray()));
        }

        return result;
    }

    private static JsonArray ArrayRange(JsonNode? first, JsonNode? last, JsonNode? step)
    {
        var start = AsInteger(first, "States.ArrayRange");
        var end = AsInteger(last, "States.ArrayRange");
        var by = AsInteger(step, "States.ArrayRange");
        if (by == 0)
        {
            throw Failure("States.ArrayRange", "the step must not be 0.");
        }

        var result = new JsonArray();
        for (var v = start; by > 0 ? v <= end : v >= end; v += by)
        {
            if (result.Count == MaxArrayItems)
            {
                throw Failure("States.ArrayRange", $"the range has more than {MaxArrayItems} items.");
            }

            result.Add(JsonValues.Number(v));
        }

        return result;
    }

    private static JsonNode? ArrayGetItem(JsonNode? array, JsonNode? index)
    {
        var items = AsArray(array, "States.ArrayGetItem");
        var i = AsInteger(index, "States.ArrayGetItem");
        return i >= 0 && i < items.Count
            ? items[(int)i]?.DeepClone()
            : throw Failure("States.ArrayGetItem", $"index {Describe(i)} is outside the array of {items.Count} item(s).");
    }

    private static JsonArray ArrayUnique(JsonNode? array)
    {
        var result = new JsonArray();
        foreach (var item in AsArray(array, "States.ArrayUnique"))
        {
            if (!result.Any(existing => JsonNode.DeepEquals(existing, item)))
            {
                result.Add(item?.DeepClone());
            }
        }

        return result;
    }

    private static JsonArray AsArray(JsonNode? node, string function) =>
        node as JsonArray ?? throw Failure(function, $"expected an array argument, got {JsonValues.Compact(node)}.");
}
