namespace Lakehouse.Pipelines.Expressions.Syntax;

public sealed record InSyntax(SyntaxNode Value, IReadOnlyList<SyntaxNode> Items, bool Negated, int Offset) : SyntaxNode(Offset)
{
    public override string ToString() => $"({Value} {(Negated ? "NOT " : string.Empty)}IN ({string.Join(", ", Items)}))";
}
