namespace Lakehouse.Pipelines.Expressions.Syntax;

public sealed record UnarySyntax(UnaryOperator Operator, SyntaxNode Operand, int Offset) : SyntaxNode(Offset)
{
    public override string ToString() => Operator switch
    {
        UnaryOperator.Negate => $"(- {Operand})",
        UnaryOperator.Plus => $"(+ {Operand})",
        _ => $"(NOT {Operand})",
    };
}
