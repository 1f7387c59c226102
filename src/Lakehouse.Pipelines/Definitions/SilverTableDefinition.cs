namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// A silver table: rows of <see cref="From"/> (a bronze or silver table), projected by <see cref="Select"/> (empty = all
/// columns), filtered, checked by <see cref="Expectations"/>, deduplicated and written per <see cref="Mode"/>.
/// </summary>
public sealed record SilverTableDefinition(
    string Name,
    TableReference From,
    IReadOnlyList<SelectItem> Select,
    ExpressionText? Filter,
    IReadOnlyList<ExpectationDefinition> Expectations,
    DedupeDefinition? Dedupe,
    SilverMode Mode,
    MergeDefinition? Merge,
    IReadOnlyList<string> PartitionBy,
    SourcePosition Position);
