using System.Text.RegularExpressions;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Aggregation;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Transforms.Silver;

namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>A gold definition compiled against one source's schema: the filter and a <see cref="HashAggregator"/>.</summary>
internal sealed partial class GoldPlan
{
    private readonly Func<GoldPlan> _fork;

    private GoldPlan(RowFilter? filter, HashAggregator aggregator, IReadOnlyList<string?> keySourceColumns, bool readsClock, Func<GoldPlan> fork)
    {
        Columns = aggregator.InputSchema.Fields.Select(f => f.Name).ToArray();
        _fork = fork;
        Filter = filter;
        Aggregator = aggregator;
        KeySourceColumns = keySourceColumns;
        ReadsClock = readsClock;
    }

    public RowFilter? Filter { get; }

    public HashAggregator Aggregator { get; }

    /// <summary>The source columns the plan reads (in schema order): read only these, the plan is compiled against them.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Per group key, the source column it is when it is a plain column reference (for statistics pruning), else null.</summary>
    public IReadOnlyList<string?> KeySourceColumns { get; }

    /// <summary>True when the filter, a key or an aggregate calls current_date/current_timestamp/now: results then change without source changes.</summary>
    public bool ReadsClock { get; }

    /// <summary>Compiles the definition against the columns of <paramref name="schema"/> it references (at least one, so rows keep a count).</summary>
    public static GoldPlan Compile(GoldTableDefinition definition, TableReference source, StructType schema)
    {
        var full = CompileAgainst(definition, source, schema);
        var used = full.Aggregator.ReferencedOrdinals()
            .Concat(full.Filter is { } f ? HashAggregator.ColumnOrdinals(f.Predicate.Bound) : [])
            .Append(0).ToHashSet();
        if (used.Count == schema.Fields.Count)
        {
            return full;
        }

        var projected = new StructType(schema.Fields.Where((_, i) => used.Contains(i)));
        return CompileAgainst(definition, source, projected);
    }

    private static GoldPlan CompileAgainst(GoldTableDefinition definition, TableReference source, StructType schema)
    {
        try
        {
            var filter = definition.Filter is { } f ? RowFilter.Compile(f.Text, schema, SilverPlan.Origin(f.Position)) : null;
            var keys = definition.GroupBy.Select((g, i) => new GroupKey(KeyName(g.Text, i), g.Text, SilverPlan.Origin(g.Position))).ToList();
            var aggregates = definition.Aggregations.Select(a => AggregateSpec.Parse(a.Name, Text(a), SilverPlan.Origin(a.Position))).ToList();
            var aggregator = HashAggregator.Create(schema, keys, aggregates);
            var sourceColumns = definition.GroupBy.Select(g => PlainColumn(g.Text) is { } c && schema.IndexOf(c) >= 0 ? schema.Fields[schema.IndexOf(c)].Name : null).ToList();
            var readsClock = aggregator.ExpressionTexts.Append(definition.Filter?.Text ?? string.Empty).Any(t => ClockFunction().IsMatch(t));
            return new GoldPlan(filter, aggregator, sourceColumns, readsClock, () => Compile(definition, source, schema));
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

    /// <summary>A fresh plan with its own (empty) aggregator, for another worker.</summary>
    public GoldPlan Fork() => _fork();

    /// <summary>A plain column keeps its name; a computed key is named <c>key_&lt;n&gt;</c>.</summary>
    private static string KeyName(string text, int index) => PlainColumn(text) ?? $"key_{index + 1}";

    private static string? PlainColumn(string text)
    {
        var t = text.Trim().Trim('`');
        return t.Length > 0 && (char.IsLetter(t[0]) || t[0] == '_') && t.All(c => char.IsLetterOrDigit(c) || c == '_') ? t : null;
    }

    [GeneratedRegex(@"\b(current_date|current_timestamp|now)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClockFunction();

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
