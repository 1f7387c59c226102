namespace Lakehouse.Pipelines.Expressions.Syntax;

/// <summary>One <c>WHEN ... THEN ...</c> of a CASE.</summary>
public sealed record CaseBranchSyntax(SyntaxNode When, SyntaxNode Then);
