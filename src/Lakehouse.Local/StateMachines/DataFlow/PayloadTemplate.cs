using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Execution;
using Lakehouse.Local.StateMachines.Intrinsics;
using Lakehouse.Local.StateMachines.Paths;

namespace Lakehouse.Local.StateMachines.DataFlow;

/// <summary>
/// A compiled Parameters / ResultSelector / ItemSelector template: a JSON value where every object field whose name
/// ends in <c>.$</c> takes its value from a path (<c>$.x</c>, <c>$$.Map.Item.Value</c>) or an intrinsic function,
/// and the field is renamed without the suffix. Everything else is copied as is.
/// </summary>
internal sealed class PayloadTemplate
{
    private readonly JsonNode? _template;
    private readonly Dictionary<JsonObject, List<(string Key, object Source)>> _dynamic = new(ReferenceEqualityComparer.Instance);

    private PayloadTemplate(JsonNode? template) => _template = template;

    /// <summary>Compiles <paramref name="template"/>; refuses a bad <c>.$</c> value naming the state, field and key.</summary>
    public static PayloadTemplate Compile(JsonNode? template, string state, string field)
    {
        var compiled = new PayloadTemplate(template?.DeepClone());
        compiled.Scan(compiled._template, state, field);
        return compiled;
    }

    /// <summary>Builds the payload from the state's data (<c>$</c>) and the context object (<c>$$</c>).</summary>
    public JsonNode? Evaluate(JsonNode? data, ContextObject? context, string field) => Build(_template, data, context, field);

    private void Scan(JsonNode? node, string state, string field)
    {
        switch (node)
        {
            case JsonObject obj:
                var dynamic = new List<(string, object)>();
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        dynamic.Add((key, CompileDynamic(key, value, state, field)));
                    }
                    else
                    {
                        Scan(value, state, field);
                    }
                }

                if (dynamic.Count > 0)
                {
                    _dynamic[obj] = dynamic;
                }

                break;
            case JsonArray arr:
                foreach (var item in arr)
                {
                    Scan(item, state, field);
                }

                break;
        }
    }

    private static object CompileDynamic(string key, JsonNode? value, string state, string field)
    {
        if (!JsonValues.TryGetString(value, out var text))
        {
            throw AslDefinitionException.For(state, field, $"the value of '{key}' must be a string holding a path or an intrinsic function.");
        }

        try
        {
            if (text.StartsWith('$'))
            {
                return JsonPath.Parse(text);
            }

            if (text.StartsWith("States.", StringComparison.Ordinal))
            {
                return IntrinsicParser.Parse(text);
            }
        }
        catch (JsonPathSyntaxException e)
        {
            throw AslDefinitionException.For(state, field, $"'{key}': {e.Message}");
        }

        throw AslDefinitionException.For(state, field, $"the value of '{key}' ('{text}') is neither a path ('$...') nor an intrinsic function ('States....').");
    }

    private JsonNode? Build(JsonNode? node, JsonNode? data, ContextObject? context, string field)
    {
        switch (node)
        {
            case JsonObject obj:
                _dynamic.TryGetValue(obj, out var dynamic);
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (dynamic is not null && key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        var source = dynamic.First(d => d.Key == key).Source;
                        result[key[..^2]] = source switch
                        {
                            JsonPath path => path.TryEvaluate(data, context, out var selected)
                                ? selected?.DeepClone()
                                : throw StatesError.Runtime($"The JsonPath argument for the field '{key}' in {field} could not find a value at '{path}' in the input."),
                            IntrinsicCall call => IntrinsicFunctions.Evaluate(call, data, context),
                            _ => throw new InvalidOperationException("Unknown template source."),
                        };
                    }
                    else
                    {
                        result[key] = Build(value, data, context, field);
                    }
                }

                return result;
            case JsonArray arr:
                return new JsonArray(arr.Select(item => Build(item, data, context, field)).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
