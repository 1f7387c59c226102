namespace Lakehouse.Pipelines.Expressions.Syntax;

public sealed record IsNullSyntax(SyntaxNode Operand, bool Negated, int Offset) : SyntaxNode(Offset)
{
    public override string ToString() => $"({Operand} IS {(Negated ? "NOT " : string.Empty)}NULL)";
}
