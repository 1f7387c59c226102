using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// Typed, position-aware access to one YAML mapping of a definition. Unknown keys are rejected on construction
/// (with a "did you mean" suggestion); every accessor reports wrong types and missing keys at the offending node.
/// </summary>
internal sealed class YamlMap
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public YamlMap(YamlNode node, string file, string what, IReadOnlyList<string> allowedKeys)
    {
        File = file;
        What = what;
        Position = YamlPositions.Of(node, file);
        if (node is not YamlMappingNode mapping)
        {
            throw new PipelineDefinitionException(Position, $"{what} must be a mapping of keys to values, found {YamlPositions.Describe(node)}.");
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key } scalarKey)
            {
                throw new PipelineDefinitionException(YamlPositions.Of(keyNode, file), $"keys of {what} must be plain names.");
            }

            if (!allowedKeys.Contains(key, StringComparer.Ordinal))
            {
                var suggestion = Suggestions.Closest(key, allowedKeys);
                throw new PipelineDefinitionException(
                    YamlPositions.Of(keyNode, file),
                    $"unknown key '{key}' in {what}.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")} Allowed keys: {string.Join(", ", allowedKeys)}.");
            }

            _entries[key] = (scalarKey, value);
        }
    }

    public string File { get; }

    /// <summary>The value of <c>name</c> in <paramref name="node"/> if it is a mapping that has one (for messages that name the item).</summary>
    public static string? PeekName(YamlNode node) =>
        node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("name"), out var v) && v is YamlScalarNode { Value: { Length: > 0 } n } ? n : null;

    public string What { get; }

    public SourcePosition Position { get; }

    public bool Has(string key) => _entries.TryGetValue(key, out var e) && !YamlPositions.IsNull(e.Value);

    public YamlNode? Node(string key) => _entries.TryGetValue(key, out var e) && !YamlPositions.IsNull(e.Value) ? e.Value : null;

    public SourcePosition PositionOf(string key) => _entries.TryGetValue(key, out var e) ? YamlPositions.Of(e.Value, File) : Position;

    public YamlNode RequiredNode(string key) =>
        Node(key) ?? throw new PipelineDefinitionException(Position, $"{What} is missing the required key '{key}'.");

    public string RequiredString(string key) => Scalar(key, RequiredNode(key));

    public string? OptionalString(string key) => Node(key) is { } node ? Scalar(key, node) : null;

    public ExpressionText RequiredExpression(string key)
    {
        var node = RequiredNode(key);
        return new ExpressionText(Scalar(key, node), YamlPositions.ValueStart(node, File));
    }

    public ExpressionText? OptionalExpression(string key) =>
        Node(key) is { } node ? new ExpressionText(Scalar(key, node), YamlPositions.ValueStart(node, File)) : null;

    public bool? OptionalBool(string key)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        var text = Scalar(key, node);
        return text.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw new PipelineDefinitionException(YamlPositions.Of(node, File), $"'{key}' in {What} must be true or false, found '{text}'."),
        };
    }

    public long? OptionalLong(string key, long min, long max)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        var text = Scalar(key, node);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new PipelineDefinitionException(YamlPositions.Of(node, File), $"'{key}' in {What} must be a whole number from {min} to {max}, found '{text}'.");
        }

        return value;
    }

    public T OptionalEnum<T>(string key, T defaultValue, IReadOnlyDictionary<string, T> values)
    {
        if (Node(key) is not { } node)
        {
            return defaultValue;
        }

        var text = Scalar(key, node);
        if (values.TryGetValue(text, out var value))
        {
            return value;
        }

        var suggestion = Suggestions.Closest(text, values.Keys.ToArray());
        throw new PipelineDefinitionException(
            YamlPositions.Of(node, File),
            $"'{key}' in {What} cannot be '{text}'.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")} Allowed: {string.Join(", ", values.Keys)}.");
    }

    public YamlSequenceNode? OptionalSequence(string key)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        return node as YamlSequenceNode
            ?? throw new PipelineDefinitionException(YamlPositions.Of(node, File), $"'{key}' in {What} must be a list, found {YamlPositions.Describe(node)}.");
    }

    /// <summary>A list of names; a single scalar is accepted as a one-element list.</summary>
    public IReadOnlyList<(string Value, SourcePosition Position)> NameList(string key)
    {
        if (Node(key) is not { } node)
        {
            return [];
        }

        if (node is YamlScalarNode)
        {
            return [(Scalar(key, node), YamlPositions.Of(node, File))];
        }

        var list = new List<(string, SourcePosition)>();
        foreach (var item in OptionalSequence(key)!)
        {
            list.Add((Scalar(key, item), YamlPositions.Of(item, File)));
        }

        return list;
    }

    public string Scalar(string key, YamlNode node)
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        throw new PipelineDefinitionException(YamlPositions.Of(node, File), $"'{key}' in {What} must be a single value, found {YamlPositions.Describe(node)}.");
    }
}
