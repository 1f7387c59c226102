using YamlDotNet.RepresentationModel;

namespace Lakehouse.Pipelines.Definitions;

public static partial class PipelineDefinitionParser
{
    private static readonly string[] SilverKeys = ["name", "from", "select", "filter", "expectations", "dedupe", "mode", "merge", "partitionBy"];
    private static readonly string[] ExpectationKeys = ["name", "expr", "action"];
    private static readonly string[] DedupeKeys = ["keys", "sequenceBy"];
    private static readonly string[] MergeKeys = ["keys", "sequenceBy", "deleteWhen", "tombstoneRetention"];

    private static readonly Dictionary<string, SilverMode> SilverModes = new(StringComparer.Ordinal)
    {
        ["append"] = SilverMode.Append,
        ["merge"] = SilverMode.Merge,
        ["scd2"] = SilverMode.Scd2,
    };

    private static readonly Dictionary<string, ExpectationAction> Actions = new(StringComparer.Ordinal)
    {
        ["warn"] = ExpectationAction.Warn,
        ["drop"] = ExpectationAction.Drop,
        ["fail"] = ExpectationAction.Fail,
    };

    private static SilverTableDefinition ParseSilver(YamlNode node, string file)
    {
        var peeked = YamlMap.PeekName(node);
        var map = new YamlMap(node, file, peeked is null ? "a silver table" : $"silver table '{peeked}'", SilverKeys);
        var name = Identifier(map, "name", map.RequiredString("name"));
        var from = new TableReference(Identifier(map, "from", map.RequiredString("from")), map.PositionOf("from"));
        var select = ParseSelect(map);
        var filter = map.OptionalExpression("filter");
        var expectations = new List<ExpectationDefinition>();
        if (map.OptionalSequence("expectations") is { } list)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in list)
            {
                var e = new YamlMap(item, file, $"an expectation of silver table '{name}'", ExpectationKeys);
                var expectationName = e.RequiredString("name");
                if (!names.Add(expectationName))
                {
                    throw new PipelineDefinitionException(e.PositionOf("name"), $"silver table '{name}' has two expectations named '{expectationName}'. Give each a distinct name.");
                }

                expectations.Add(new ExpectationDefinition(
                    expectationName, e.RequiredExpression("expr"), e.OptionalEnum("action", ExpectationAction.Warn, Actions), e.Position));
            }
        }

        DedupeDefinition? dedupe = null;
        if (map.Node("dedupe") is { } dedupeNode)
        {
            var d = new YamlMap(dedupeNode, file, $"the dedupe of silver table '{name}'", DedupeKeys);
            var keys = RequiredIdentifiers(d, "keys");
            dedupe = new DedupeDefinition(keys, d.OptionalString("sequenceBy") is { } s ? Identifier(d, "sequenceBy", s) : null, d.Position);
        }

        var mode = map.OptionalEnum("mode", SilverMode.Append, SilverModes);
        MergeDefinition? merge = null;
        if (map.Node("merge") is { } mergeNode)
        {
            if (mode == SilverMode.Append)
            {
                throw new PipelineDefinitionException(map.PositionOf("merge"), $"silver table '{name}' has 'merge' options but mode append. Set 'mode: merge' or 'mode: scd2', or remove 'merge'.");
            }

            var m = new YamlMap(mergeNode, file, $"the merge of silver table '{name}'", MergeKeys);
            merge = new MergeDefinition(
                RequiredIdentifiers(m, "keys"), Identifier(m, "sequenceBy", m.RequiredString("sequenceBy")), m.OptionalExpression("deleteWhen"), m.Position,
                TombstoneRetention(m, name));
        }
        else if (mode != SilverMode.Append)
        {
            throw new PipelineDefinitionException(
                map.PositionOf("mode"),
                $"silver table '{name}' has mode {mode.ToString().ToLowerInvariant()} but no 'merge' options. Add 'merge: {{keys: [...], sequenceBy: <column>}}'.");
        }

        return new SilverTableDefinition(name, from, select, filter, expectations, dedupe, mode, merge, Identifiers(map, "partitionBy"), map.Position);
    }

    private static TimeSpan? TombstoneRetention(YamlMap merge, string table)
    {
        if (merge.OptionalString("tombstoneRetention") is not { } text)
        {
            return null;
        }

        return Lakehouse.Delta.Snapshots.TableProperties.ParseInterval(text) is { } retention && retention > TimeSpan.Zero
            ? retention
            : throw new PipelineDefinitionException(merge.PositionOf("tombstoneRetention"),
                $"tombstoneRetention '{text}' of silver table '{table}' is not a positive interval; write it like '2 days', '12 hours' or 'interval 1 week'.");
    }

    private static List<SelectItem> ParseSelect(YamlMap map)
    {
        var items = new List<SelectItem>();
        if (map.OptionalSequence("select") is not { } list)
        {
            return items;
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list)
        {
            SelectItem selectItem;
            var position = YamlPositions.Of(item, map.File);
            if (item is YamlScalarNode scalar)
            {
                var column = map.Scalar("select", scalar);
                if (!IdentifierPattern().IsMatch(column))
                {
                    throw new PipelineDefinitionException(position, $"select of {map.What} lists '{column}'; a plain entry must be a column name. Write computed columns as 'name: expression'.");
                }

                selectItem = new SelectItem(column, new ExpressionText(column, YamlPositions.ValueStart(scalar, map.File)));
            }
            else if (item is YamlMappingNode { Children.Count: 1 } mapping)
            {
                var (keyNode, valueNode) = mapping.Children.First();
                var column = map.Scalar("select", keyNode);
                if (!IdentifierPattern().IsMatch(column))
                {
                    throw new PipelineDefinitionException(position, $"select of {map.What} names an output column '{column}'; use letters, digits and underscores.");
                }

                selectItem = new SelectItem(column, new ExpressionText(map.Scalar("select", valueNode), YamlPositions.ValueStart(valueNode, map.File)));
            }
            else
            {
                throw new PipelineDefinitionException(position, $"each select entry of {map.What} must be a column name or 'name: expression', found {YamlPositions.Describe(item)}.");
            }

            if (!names.Add(selectItem.Name))
            {
                throw new PipelineDefinitionException(position, $"select of {map.What} produces column '{selectItem.Name}' twice. Rename one.");
            }

            items.Add(selectItem);
        }

        return items;
    }

    private static IReadOnlyList<string> RequiredIdentifiers(YamlMap map, string key)
    {
        var list = Identifiers(map, key);
        return list.Count > 0 ? list : throw new PipelineDefinitionException(map.Position, $"{map.What} needs '{key}': a list of one or more column names.");
    }
}
