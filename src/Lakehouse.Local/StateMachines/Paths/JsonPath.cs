using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Execution;

namespace Lakehouse.Local.StateMachines.Paths;

/// <summary>
/// The JsonPath subset Amazon States Language uses: <c>$</c> (the state's data) or <c>$$</c> (the context object)
/// followed by <c>.name</c>, <c>['name']</c>, <c>[n]</c>, <c>[*]</c> or <c>.*</c>. A path without wildcards is a
/// Reference Path (it names one node and can be written to, as ResultPath does).
/// </summary>
internal sealed class JsonPath
{
    private JsonPath(string text, bool isContext, IReadOnlyList<PathSegment> segments)
    {
        Text = text;
        IsContext = isContext;
        Segments = segments;
        IsReference = segments.All(s => s.Kind != PathSegmentKind.Wildcard);
    }

    /// <summary>The path <c>$</c>: the whole input.</summary>
    public static JsonPath Root { get; } = new("$", false, []);

    public string Text { get; }

    /// <summary>True for <c>$$...</c> paths, evaluated against the context object.</summary>
    public bool IsContext { get; }

    public IReadOnlyList<PathSegment> Segments { get; }

    /// <summary>True when the path names a single node (no wildcard).</summary>
    public bool IsReference { get; }

    public override string ToString() => Text;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="JsonPathSyntaxException"/> when outside the subset.</summary>
    public static JsonPath Parse(string text) => JsonPathParser.Parse(text, (isContext, segments) => new JsonPath(text, isContext, segments));

    /// <summary>
    /// Selects from <paramref name="data"/> (or <paramref name="context"/> for <c>$$</c> paths). A reference path yields
    /// the node itself (possibly JSON null) when present; a wildcard path yields an array of every match.
    /// Returns false when a reference path names nothing.
    /// </summary>
    public bool TryEvaluate(JsonNode? data, ContextObject? context, out JsonNode? value)
    {
        var root = data;
        var skip = 0;
        if (IsContext)
        {
            // $$.Name...: start at the context member without materialising the whole context object.
            if (Segments.Count == 0 || Segments[0].Kind != PathSegmentKind.Field)
            {
                root = (context ?? ContextObject.Empty).ToNode();
            }
            else if ((context ?? ContextObject.Empty).TryGetMember(Segments[0].Name!, out root))
            {
                skip = 1;
            }
            else
            {
                value = null;
                return false;
            }
        }

        if (IsReference)
        {
            var node = root;
            foreach (var segment in Segments.Skip(skip))
            {
                if (!TryStep(node, segment, out node))
                {
                    value = null;
                    return false;
                }
            }

            value = node;
            return true;
        }

        var current = new List<JsonNode?> { root };
        foreach (var segment in Segments.Skip(skip))
        {
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                if (segment.Kind == PathSegmentKind.Wildcard)
                {
                    if (node is JsonObject obj)
                    {
                        next.AddRange(obj.Select(p => p.Value));
                    }
                    else if (node is JsonArray arr)
                    {
                        next.AddRange(arr);
                    }
                }
                else if (TryStep(node, segment, out var child))
                {
                    next.Add(child);
                }
            }

            current = next;
        }

        value = new JsonArray(current.Select(n => n?.DeepClone()).ToArray());
        return true;
    }

    /// <summary>
    /// Returns a copy of <paramref name="input"/> with <paramref name="value"/> placed at this reference path,
    /// creating intermediate objects as needed (ResultPath semantics). Returns null-and-false when the path runs
    /// through a value that is neither an object nor an array with that index.
    /// </summary>
    public bool TryWrite(JsonNode? input, JsonNode? value, out JsonNode? output)
    {
        if (Segments.Count == 0)
        {
            output = value?.DeepClone();
            return true;
        }

        var copy = input?.DeepClone() ?? new JsonObject();
        JsonNode? node = copy;
        for (var i = 0; i < Segments.Count; i++)
        {
            var segment = Segments[i];
            var last = i == Segments.Count - 1;
            if (segment.Kind == PathSegmentKind.Field && node is JsonObject obj)
            {
                if (last)
                {
                    obj[segment.Name!] = value?.DeepClone();
                    break;
                }

                if (obj[segment.Name!] is not (JsonObject or JsonArray))
                {
                    obj[segment.Name!] = new JsonObject();
                }

                node = obj[segment.Name!];
            }
            else if (segment.Kind == PathSegmentKind.Index && node is JsonArray arr && segment.Index < arr.Count)
            {
                if (last)
                {
                    arr[segment.Index] = value?.DeepClone();
                    break;
                }

                node = arr[segment.Index];
            }
            else
            {
                output = null;
                return false;
            }
        }

        output = copy;
        return true;
    }

    private static bool TryStep(JsonNode? node, PathSegment segment, out JsonNode? child)
    {
        switch (segment.Kind)
        {
            case PathSegmentKind.Field when node is JsonObject obj && obj.TryGetPropertyValue(segment.Name!, out child):
                return true;
            case PathSegmentKind.Index when node is JsonArray arr && segment.Index >= 0 && segment.Index < arr.Count:
                child = arr[segment.Index];
                return true;
            default:
                child = null;
                return false;
        }
    }
}
