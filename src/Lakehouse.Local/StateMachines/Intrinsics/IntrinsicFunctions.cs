using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Execution;

namespace Lakehouse.Local.StateMachines.Intrinsics;

/// <summary>
/// Evaluates the <c>States.*</c> intrinsic functions Step Functions supports. A bad argument at run time, or a path
/// argument that names nothing, raises <c>States.Runtime</c> (which no Retry or Catch handles), as on AWS.
/// </summary>
internal static partial class IntrinsicFunctions
{
    private const int Any = int.MaxValue;

    private static readonly Dictionary<string, (int Min, int Max, Func<IReadOnlyList<IntrinsicExpression>, List<JsonNode?>, JsonNode?> Body)> Table = new(StringComparer.Ordinal)
    {
        ["States.Format"] = (1, Any, Format),
        ["States.StringToJson"] = (1, 1, (_, a) => StringToJson(a[0])),
        ["States.JsonToString"] = (1, 1, (_, a) => JsonValue.Create(DataFlow.JsonValues.Compact(a[0]))),
        ["States.Array"] = (0, Any, (_, a) => new JsonArray(a.Select(n => n?.DeepClone()).ToArray())),
        ["States.ArrayPartition"] = (2, 2, (_, a) => ArrayPartition(a[0], a[1])),
        ["States.ArrayContains"] = (2, 2, (_, a) => JsonValue.Create(AsArray(a[0], "States.ArrayContains").Any(n => JsonNode.DeepEquals(n, a[1])))),
        ["States.ArrayRange"] = (3, 3, (_, a) => ArrayRange(a[0], a[1], a[2])),
        ["States.ArrayGetItem"] = (2, 2, (_, a) => ArrayGetItem(a[0], a[1])),
        ["States.ArrayLength"] = (1, 1, (_, a) => JsonValue.Create(AsArray(a[0], "States.ArrayLength").Count)),
        ["States.ArrayUnique"] = (1, 1, (_, a) => ArrayUnique(a[0])),
        ["States.Base64Encode"] = (1, 1, (_, a) => JsonValue.Create(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(AsString(a[0], "States.Base64Encode"))))),
        ["States.Base64Decode"] = (1, 1, (_, a) => Base64Decode(a[0])),
        ["States.Hash"] = (2, 2, (_, a) => Hash(a[0], a[1])),
        ["States.JsonMerge"] = (3, 3, (_, a) => JsonMerge(a[0], a[1], a[2])),
        ["States.MathRandom"] = (2, 3, (_, a) => MathRandom(a)),
        ["States.MathAdd"] = (2, 2, (_, a) => MathAdd(a[0], a[1])),
        ["States.StringSplit"] = (2, 2, (_, a) => StringSplit(a[0], a[1])),
        ["States.UUID"] = (0, 0, (_, _) => JsonValue.Create(Guid.NewGuid().ToString())),
    };

    public static bool TryGetArity(string name, out int min, out int max)
    {
        if (Table.TryGetValue(name, out var entry))
        {
            (min, max) = (entry.Min, entry.Max);
            return true;
        }

        (min, max) = (0, 0);
        return false;
    }

    /// <summary>Evaluates <paramref name="call"/> against the state's data and the context object.</summary>
    public static JsonNode? Evaluate(IntrinsicCall call, JsonNode? data, ContextObject? context)
    {
        var args = new List<JsonNode?>(call.Arguments.Count);
        foreach (var argument in call.Arguments)
        {
            args.Add(argument switch
            {
                IntrinsicLiteral literal => literal.Value?.DeepClone(),
                IntrinsicPath path => path.Path.TryEvaluate(data, context, out var value)
                    ? value
                    : throw StatesError.Runtime($"The JsonPath '{path.Path}' in {call.Name} could not be found in the input."),
                IntrinsicCall nested => Evaluate(nested, data, context),
                _ => throw new InvalidOperationException("Unknown intrinsic argument."),
            });
        }

        return Table[call.Name].Body(call.Arguments, args);
    }

    private static StatesError Failure(string function, string problem) =>
        StatesError.Runtime($"{function}: {problem}");
}
