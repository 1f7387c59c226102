namespace Lakehouse.Pipelines.Expressions.Syntax;

public enum UnaryOperator
{
    Negate,
    Plus,
    Not,
}
