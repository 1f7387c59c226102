namespace Lakehouse.Pipelines.Expressions.Syntax;

/// <summary><c>CASE [operand] WHEN ... THEN ... [ELSE ...] END</c>; <see cref="Operand"/> is set for the simple form.</summary>
public sealed record CaseSyntax(SyntaxNode? Operand, IReadOnlyList<CaseBranchSyntax> Branches, SyntaxNode? Else, int Offset) : SyntaxNode(Offset)
{
    public override string ToString() =>
        $"(CASE{(Operand is null ? string.Empty : $" {Operand}")}{string.Concat(Branches.Select(b => $" WHEN {b.When} THEN {b.Then}"))}{(Else is null ? string.Empty : $" ELSE {Else}")} END)";
}
