namespace Lakehouse.Pipelines.Expressions.Syntax;

/// <summary>A binary operator; <c>Offset</c> is the left operand's, <c>OperatorOffset</c> the operator's.</summary>
public sealed record BinarySyntax(BinaryOperator Operator, SyntaxNode Left, SyntaxNode Right, int Offset, int OperatorOffset) : SyntaxNode(Offset)
{
    public static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%",
        BinaryOperator.Concat => "||",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.NullSafeEqual => "<=>",
        BinaryOperator.And => "AND",
        _ => "OR",
    };

    public override string ToString() => $"({Left} {Symbol(Operator)} {Right})";
}
