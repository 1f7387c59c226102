namespace Lakehouse.Pipelines.Expressions.Syntax;

internal enum TokenKind
{
    End,
    Identifier,
    QuotedIdentifier,
    Integer,
    Decimal,
    Double,
    String,
    LeftParen,
    RightParen,
    Comma,
    Dot,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Concat,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    NullSafeEqual,
}
