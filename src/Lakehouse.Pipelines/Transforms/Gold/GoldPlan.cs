using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Aggregation;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Transforms.Silver;

namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>A gold definition compiled against one source's schema: the filter and a <see cref="HashAggregator"/>.</summary>
internal sealed class GoldPlan
{
    private GoldPlan(RowFilter? filter, HashAggregator aggregator)
    {
        Filter = filter;
        Aggregator = aggregator;
    }

    public RowFilter? Filter { get; }

    public HashAggregator Aggregator { get; }

    public static GoldPlan Compile(GoldTableDefinition definition, TableReference source, StructType schema)
    {
        try
        {
            var filter = definition.Filter is { } f ? RowFilter.Compile(f.Text, schema, SilverPlan.Origin(f.Position)) : null;
            var keys = definition.GroupBy.Select((g, i) => new GroupKey(KeyName(g.Text, i), g.Text, SilverPlan.Origin(g.Position))).ToList();
            var aggregates = definition.Aggregations.Select(a => AggregateSpec.Parse(a.Name, Text(a), SilverPlan.Origin(a.Position))).ToList();
            return new GoldPlan(filter, HashAggregator.Create(schema, keys, aggregates));
        }
        catch (ExpressionException e)
        {
            throw new PipelineDefinitionException(definition.Position, $"gold table '{definition.Name}' over '{source.Name}': {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new PipelineDefinitionException(definition.Position, $"gold table '{definition.Name}': {e.Message}", e);
        }
    }

    /// <summary>A plain column keeps its name; a computed key is named <c>key_&lt;n&gt;</c>.</summary>
    private static string KeyName(string text, int index)
    {
        var t = text.Trim().Trim('`');
        return t.Length > 0 && (char.IsLetter(t[0]) || t[0] == '_') && t.All(c => char.IsLetterOrDigit(c) || c == '_') ? t : $"key_{index + 1}";
    }

    private static string Text(AggregationDefinition a)
    {
        var argument = a.Argument?.Text;
        return a.Function switch
        {
            Definitions.AggregateFunction.Count => argument is null ? "count(*)" : $"count({argument})",
            Definitions.AggregateFunction.CountDistinct => $"count_distinct({argument})",
            Definitions.AggregateFunction.Sum => $"sum({argument})",
            Definitions.AggregateFunction.Min => $"min({argument})",
            Definitions.AggregateFunction.Max => $"max({argument})",
            _ => $"avg({argument})",
        };
    }
}
