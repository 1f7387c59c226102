using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Lakehouse.Pipelines.Definitions;

public static partial class PipelineDefinitionParser
{
    private static readonly string[] GoldKeys = ["name", "from", "filter", "groupBy", "aggregations", "mode"];

    private static readonly Dictionary<string, GoldMode> GoldModes = new(StringComparer.Ordinal)
    {
        ["overwrite"] = GoldMode.Overwrite,
        ["merge"] = GoldMode.Merge,
    };

    private static readonly Dictionary<string, AggregateFunction> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["count"] = AggregateFunction.Count,
        ["count_distinct"] = AggregateFunction.CountDistinct,
        ["sum"] = AggregateFunction.Sum,
        ["min"] = AggregateFunction.Min,
        ["max"] = AggregateFunction.Max,
        ["avg"] = AggregateFunction.Avg,
    };

    private static GoldTableDefinition ParseGold(YamlNode node, string file)
    {
        var peeked = YamlMap.PeekName(node);
        var map = new YamlMap(node, file, peeked is null ? "a gold table" : $"gold table '{peeked}'", GoldKeys);
        var name = Identifier(map, "name", map.RequiredString("name"));
        map.RequiredNode("from");
        var from = new List<TableReference>();
        foreach (var (value, position) in map.NameList("from"))
        {
            if (!IdentifierPattern().IsMatch(value))
            {
                throw new PipelineDefinitionException(position, $"'from' of gold table '{name}' must name silver tables, found '{value}'.");
            }

            from.Add(new TableReference(value, position));
        }

        var groupBy = new List<ExpressionText>();
        if (map.Node("groupBy") is YamlScalarNode single)
        {
            groupBy.Add(new ExpressionText(map.Scalar("groupBy", single), YamlPositions.ValueStart(single, file)));
        }
        else if (map.OptionalSequence("groupBy") is { } list)
        {
            foreach (var item in list)
            {
                groupBy.Add(new ExpressionText(map.Scalar("groupBy", item), YamlPositions.ValueStart(item, file)));
            }
        }

        var aggregations = ParseAggregations(map, name);
        return new GoldTableDefinition(name, from, map.OptionalExpression("filter"), groupBy, aggregations, map.OptionalEnum("mode", GoldMode.Overwrite, GoldModes), map.Position);
    }

    private static List<AggregationDefinition> ParseAggregations(YamlMap map, string table)
    {
        var result = new List<AggregationDefinition>();
        var sequence = map.OptionalSequence("aggregations");
        if (sequence is null || sequence.Children.Count == 0)
        {
            throw new PipelineDefinitionException(map.Position, $"gold table '{table}' needs 'aggregations': a list of 'name: function(expression)' with count, count_distinct, sum, min, max or avg.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in sequence)
        {
            var position = YamlPositions.Of(item, map.File);
            if (item is not YamlMappingNode { Children.Count: 1 } mapping)
            {
                throw new PipelineDefinitionException(position, $"each aggregation of gold table '{table}' must be 'name: function(expression)', found {YamlPositions.Describe(item)}.");
            }

            var (keyNode, valueNode) = mapping.Children.First();
            var name = map.Scalar("aggregations", keyNode);
            if (!IdentifierPattern().IsMatch(name) || !names.Add(name))
            {
                throw new PipelineDefinitionException(position, $"aggregation name '{name}' of gold table '{table}' must be a unique column name (letters, digits, underscores).");
            }

            var text = map.Scalar("aggregations", valueNode);
            var valueStart = YamlPositions.ValueStart(valueNode, map.File);
            var match = AggregationPattern().Match(text);
            if (!match.Success)
            {
                throw new PipelineDefinitionException(valueStart, $"aggregation '{name}' of gold table '{table}' must look like function(expression), found '{text}'. Functions: {string.Join(", ", Functions.Keys)}.");
            }

            var functionName = match.Groups["fn"].Value;
            if (!Functions.TryGetValue(functionName, out var function))
            {
                var suggestion = Suggestions.Closest(functionName, Functions.Keys);
                throw new PipelineDefinitionException(
                    valueStart with { Column = valueStart.Column + match.Groups["fn"].Index },
                    $"unknown aggregate function '{functionName}' in aggregation '{name}' of gold table '{table}'.{(suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?")} Functions: {string.Join(", ", Functions.Keys)}.");
            }

            var argGroup = match.Groups["arg"];
            var arg = argGroup.Value.Trim();
            ExpressionText? argument = null;
            if (arg == "*")
            {
                if (function != AggregateFunction.Count)
                {
                    throw new PipelineDefinitionException(valueStart, $"only count accepts '*' (aggregation '{name}' of gold table '{table}').");
                }
            }
            else if (arg.Length == 0)
            {
                throw new PipelineDefinitionException(valueStart, $"aggregation '{name}' of gold table '{table}' has no argument; write {functionName}(column) or count(*).");
            }
            else
            {
                var leading = argGroup.Value.Length - argGroup.Value.TrimStart().Length;
                argument = new ExpressionText(arg, valueStart with { Column = valueStart.Column + argGroup.Index + leading });
            }

            result.Add(new AggregationDefinition(name, function, argument, position));
        }

        return result;
    }

    [GeneratedRegex(@"^\s*(?<fn>[A-Za-z_][A-Za-z0-9_]*)\s*\((?<arg>.*)\)\s*$", RegexOptions.Singleline)]
    private static partial Regex AggregationPattern();
}
