using Lakehouse.Testing;
using YamlDotNet.RepresentationModel;

namespace Lakehouse.Lambda.Tests.Deployment;

/// <summary>
/// template.yaml loaded with YamlDotNet's representation model, which keeps CloudFormation short-form tags
/// (<c>!Ref</c>, <c>!Sub</c>, <c>!GetAtt</c>, <c>!If</c>) as node tags instead of failing on them.
/// </summary>
internal sealed class SamTemplate
{
    private SamTemplate(YamlMappingNode root)
    {
        Root = root;
    }

    public static string FilePath => System.IO.Path.Combine(RepositoryPaths.Root, "template.yaml");

    public YamlMappingNode Root { get; }

    public YamlMappingNode Resources => Map(Root, "Resources");

    public YamlMappingNode Parameters => Map(Root, "Parameters");

    public static SamTemplate Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(FilePath);
        stream.Load(reader);
        return new SamTemplate((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public YamlMappingNode Resource(string logicalId) => Map(Resources, logicalId);

    public YamlMappingNode Properties(string logicalId) => Map(Resource(logicalId), "Properties");

    public IEnumerable<string> ResourcesOfType(string type)
        => Resources.Children.Where(r => Scalar(((YamlMappingNode)r.Value)["Type"]) == type).Select(r => Scalar(r.Key));

    public static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    public static YamlSequenceNode Seq(YamlNode node, string key) => (YamlSequenceNode)((YamlMappingNode)node)[key];

    public static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;

    public static string Scalar(YamlNode node, string key) => Scalar(((YamlMappingNode)node)[key]);

    public static bool Has(YamlNode node, string key) => node is YamlMappingNode map && map.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>Every node of the tree, depth first.</summary>
    public static IEnumerable<YamlNode> Descendants(YamlNode node)
    {
        yield return node;
        var children = node switch
        {
            YamlMappingNode map => map.Children.SelectMany(c => new[] { c.Key, c.Value }),
            YamlSequenceNode seq => seq.Children,
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
