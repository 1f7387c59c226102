namespace Lakehouse.Pipelines.Definitions;

/// <summary>One output column of a silver select: <c>name: expression</c>, or a plain column name (then the expression is the name).</summary>
public sealed record SelectItem(string Name, ExpressionText Expression);
