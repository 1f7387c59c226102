namespace Lakehouse.Pipelines.Expressions.Syntax;

public sealed record BetweenSyntax(SyntaxNode Value, SyntaxNode Low, SyntaxNode High, bool Negated, int Offset) : SyntaxNode(Offset)
{
    public override string ToString() => $"({Value} {(Negated ? "NOT " : string.Empty)}BETWEEN {Low} AND {High})";
}
