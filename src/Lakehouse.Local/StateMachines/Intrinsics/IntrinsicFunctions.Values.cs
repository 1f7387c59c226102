using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.DataFlow;

namespace Lakehouse.Local.StateMachines.Intrinsics;

/// <content>String, JSON, encoding, hashing and math functions.</content>
internal static partial class IntrinsicFunctions
{
    private static JsonValue Format(IReadOnlyList<IntrinsicExpression> expressions, List<JsonNode?> args)
    {
        // A literal template keeps its escapes: '\{' is a brace, '{}' a placeholder.
        var template = expressions[0] is IntrinsicLiteral { RawText: { } raw } ? raw : AsString(args[0], "States.Format");
        var result = new StringBuilder();
        var next = 1;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '\\' && i + 1 < template.Length)
            {
                result.Append(template[++i]);
            }
            else if (c == '{' && i + 1 < template.Length && template[i + 1] == '}')
            {
                if (next >= args.Count)
                {
                    throw Failure("States.Format", $"the template has more '{{}}' placeholders than the {args.Count - 1} argument(s) given.");
                }

                result.Append(FormatArgument(args[next++]));
                i++;
            }
            else
            {
                result.Append(c);
            }
        }

        if (next != args.Count)
        {
            throw Failure("States.Format", $"{args.Count - 1} argument(s) given for {next - 1} '{{}}' placeholder(s).");
        }

        return JsonValue.Create(result.ToString());
    }

    // Step Functions (Java) renders objects and arrays inside States.Format as {k=v, ...} and [a, b].
    private static string FormatArgument(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => p.Key + "=" + FormatArgument(p.Value))) + "}",
        JsonArray arr => "[" + string.Join(", ", arr.Select(FormatArgument)) + "]",
        _ when JsonValues.TryGetString(node, out var s) => s,
        _ => JsonValues.Compact(node),
    };

    private static JsonNode? StringToJson(JsonNode? arg)
    {
        var text = AsString(arg, "States.StringToJson");
        return JsonValues.TryParse(text, out var node) ? node : throw Failure("States.StringToJson", $"'{text}' is not valid JSON.");
    }

    private static JsonValue Base64Decode(JsonNode? arg)
    {
        try
        {
            return JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(AsString(arg, "States.Base64Decode"))));
        }
        catch (FormatException e)
        {
            throw Failure("States.Base64Decode", e.Message);
        }
    }

    private static JsonValue Hash(JsonNode? data, JsonNode? algorithm)
    {
        var bytes = Encoding.UTF8.GetBytes(AsString(data, "States.Hash"));
#pragma warning disable CA5350, CA5351 // The States Language defines MD5 and SHA-1 as States.Hash algorithms; not used for security here.
        var hash = AsString(algorithm, "States.Hash") switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            var other => throw Failure("States.Hash", $"unknown algorithm '{other}'; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512."),
        };
#pragma warning restore CA5350, CA5351
        return JsonValue.Create(Convert.ToHexStringLower(hash));
    }

    private static JsonObject JsonMerge(JsonNode? left, JsonNode? right, JsonNode? deep)
    {
        if (left is not JsonObject a || right is not JsonObject b)
        {
            throw Failure("States.JsonMerge", "both arguments must be JSON objects.");
        }

        if (!JsonValues.TryGetBoolean(deep, out var isDeep) || isDeep)
        {
            throw Failure("States.JsonMerge", "only shallow merges are supported: the third argument must be false.");
        }

        var merged = (JsonObject)a.DeepClone();
        foreach (var (key, value) in b)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }

    private static JsonNode MathAdd(JsonNode? a, JsonNode? b) =>
        JsonValues.Number(AsInteger(a, "States.MathAdd") + AsInteger(b, "States.MathAdd"));

    private static JsonNode MathRandom(List<JsonNode?> args)
    {
        var start = AsInteger(args[0], "States.MathRandom");
        var end = AsInteger(args[1], "States.MathRandom");
        if (end <= start)
        {
            throw Failure("States.MathRandom", $"the end ({end}) must be greater than the start ({start}).");
        }

#pragma warning disable CA5394 // Not security sensitive: States.MathRandom is a plain pseudo-random number.
        var random = args.Count == 3 ? new Random((int)AsInteger(args[2], "States.MathRandom")) : Random.Shared;
        return JsonValues.Number(random.NextInt64((long)start, (long)end));
#pragma warning restore CA5394
    }

    private static JsonArray StringSplit(JsonNode? text, JsonNode? delimiters)
    {
        var separators = AsString(delimiters, "States.StringSplit").ToCharArray();
        var parts = AsString(text, "States.StringSplit").Split(separators, StringSplitOptions.RemoveEmptyEntries);
        return new JsonArray(parts.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
    }

    private static string AsString(JsonNode? node, string function) =>
        JsonValues.TryGetString(node, out var s) ? s : throw Failure(function, $"expected a string argument, got {JsonValues.Compact(node)}.");

    /// <summary>An integer argument; fractions round half up like Java's Math.round, as Step Functions does.</summary>
    private static decimal AsInteger(JsonNode? node, string function) =>
        JsonValues.TryGetNumber(node, out var d)
            ? decimal.Floor(d + 0.5m)
            : throw Failure(function, $"expected a number argument, got {JsonValues.Compact(node)}.");

    private static string Describe(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
