using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lakehouse.Pipelines.Definitions;

/// <summary>Positions and descriptions of YAML nodes for error messages.</summary>
internal static class YamlPositions
{
    public static SourcePosition Of(YamlNode node, string file) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>Where the text of a scalar starts: after the opening quote of a quoted scalar.</summary>
    public static SourcePosition ValueStart(YamlNode node, string file)
    {
        var p = Of(node, file);
        return node is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } ? p with { Column = p.Column + 1 } : p;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an alias",
    };
}
