namespace Lakehouse.Pipelines.Definitions;

/// <summary>A data quality rule: rows where <see cref="Expression"/> is not true are counted, dropped or fail the update.</summary>
public sealed record ExpectationDefinition(string Name, ExpressionText Expression, ExpectationAction Action, SourcePosition Position);
