namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// One aggregate output column: <c>name: function(argument)</c>. <see cref="Argument"/> is null for <c>count(*)</c>.
/// </summary>
public sealed record AggregationDefinition(string Name, AggregateFunction Function, ExpressionText? Argument, SourcePosition Position);
