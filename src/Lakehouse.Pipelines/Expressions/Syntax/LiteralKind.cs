namespace Lakehouse.Pipelines.Expressions.Syntax;

public enum LiteralKind
{
    Null,
    Boolean,
    Integer,
    Decimal,
    Double,
    String,
    Date,
    Timestamp,
}
