using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// Reads pipeline definitions (YAML, format version 1) through YamlDotNet's representation model (no reflection, so
/// it is trim/AOT safe) and validates them: every problem is a <see cref="PipelineDefinitionException"/> naming the file,
/// line and column and what is allowed there.
/// </summary>
public static partial class PipelineDefinitionParser
{
    private static readonly string[] TopKeys = ["version", "pipeline", "workspace", "owner", "tags", "lake", "sources", "silver", "gold"];
    private static readonly string[] OwnerKeys = ["id", "name"];

    /// <summary>Reads and parses the definition file at <paramref name="path"/>.</summary>
    public static async Task<PipelineDefinition> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var text = await System.IO.File.ReadAllTextAsync(path, cancellationToken);
        return Parse(text, path);
    }

    /// <summary>Parses a definition; <paramref name="file"/> names it in error messages.</summary>
    public static PipelineDefinition Parse(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var position = new SourcePosition(file, (int)e.Start.Line, (int)e.Start.Column);
            var reason = e.InnerException?.Message ?? e.Message;
            throw new PipelineDefinitionException(position, $"not valid YAML: {reason}", e);
        }

        if (stream.Documents.Count != 1)
        {
            throw new PipelineDefinitionException(new SourcePosition(file, 1, 1), $"a pipeline definition is one YAML document, found {stream.Documents.Count}.");
        }

        var top = new YamlMap(stream.Documents[0].RootNode, file, "the pipeline definition", TopKeys);
        var version = top.OptionalLong("version", 0, int.MaxValue)
            ?? throw new PipelineDefinitionException(top.Position, "the pipeline definition is missing 'version'. Add 'version: 1' at the top.");
        if (version != 1)
        {
            throw new PipelineDefinitionException(top.PositionOf("version"), $"format version {version} is not supported; this build reads version 1.");
        }

        var name = Identifier(top, "pipeline", top.RequiredString("pipeline"));
        var workspace = top.RequiredString("workspace");
        var ownerMap = new YamlMap(top.RequiredNode("owner"), file, "'owner'", OwnerKeys);
        var owner = new OwnerDefinition(ownerMap.RequiredString("id"), ownerMap.OptionalString("name"));
        var tags = ParseTags(top);
        var lake = top.OptionalString("lake");

        var sources = List(top, "sources", node => ParseSource(node, file));
        var silver = List(top, "silver", node => ParseSilver(node, file));
        var gold = List(top, "gold", node => ParseGold(node, file));
        if (sources.Count == 0)
        {
            throw new PipelineDefinitionException(top.Position, "the pipeline has no sources. Add a 'sources:' list with at least one source.");
        }

        var definition = new PipelineDefinition(1, name, workspace, owner, tags, lake, sources, silver, gold, file);
        PipelineGraphValidator.Validate(definition);
        return definition;
    }

    private static Dictionary<string, string> ParseTags(YamlMap top)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (top.Node("tags") is not { } node)
        {
            return tags;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw new PipelineDefinitionException(top.PositionOf("tags"), $"'tags' must be a mapping of names to values, found {YamlPositions.Describe(node)}.");
        }

        foreach (var (key, value) in mapping.Children)
        {
            tags[top.Scalar("tags", key)] = YamlPositions.IsNull(value) ? string.Empty : top.Scalar("tags", value);
        }

        return tags;
    }

    private static List<T> List<T>(YamlMap map, string key, Func<YamlNode, T> parse)
    {
        var list = new List<T>();
        if (map.OptionalSequence(key) is { } sequence)
        {
            foreach (var item in sequence)
            {
                list.Add(parse(item));
            }
        }

        return list;
    }

    /// <summary>Table, column and source names: a letter or underscore, then letters, digits or underscores.</summary>
    internal static string Identifier(YamlMap map, string key, string value)
    {
        if (!IdentifierPattern().IsMatch(value))
        {
            throw new PipelineDefinitionException(
                map.PositionOf(key),
                $"'{key}' in {map.What} must be a name made of letters, digits and underscores (not starting with a digit), found '{value}'.");
        }

        return value;
    }

    internal static IReadOnlyList<string> Identifiers(YamlMap map, string key)
    {
        var list = new List<string>();
        foreach (var (value, position) in map.NameList(key))
        {
            if (!IdentifierPattern().IsMatch(value))
            {
                throw new PipelineDefinitionException(position, $"'{key}' in {map.What} lists '{value}', which is not a column name (letters, digits, underscores).");
            }

            list.Add(value);
        }

        return list;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    internal static partial Regex IdentifierPattern();
}
