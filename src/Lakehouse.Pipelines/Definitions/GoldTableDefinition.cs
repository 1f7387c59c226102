namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// A gold table: rows of <see cref="From"/> (silver tables), filtered, grouped by <see cref="GroupBy"/> and aggregated.
/// </summary>
public sealed record GoldTableDefinition(
    string Name,
    IReadOnlyList<TableReference> From,
    ExpressionText? Filter,
    IReadOnlyList<ExpressionText> GroupBy,
    IReadOnlyList<AggregationDefinition> Aggregations,
    GoldMode Mode,
    SourcePosition Position);
