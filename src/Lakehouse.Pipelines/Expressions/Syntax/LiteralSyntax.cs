namespace Lakehouse.Pipelines.Expressions.Syntax;

/// <summary>A literal; <see cref="Text"/> is the number as written, the unquoted string, or <c>TRUE</c>/<c>FALSE</c>.</summary>
public sealed record LiteralSyntax(LiteralKind Kind, string Text, int Offset) : SyntaxNode(Offset)
{
    public override string ToString() => Kind switch
    {
        LiteralKind.Null => "NULL",
        LiteralKind.String => $"'{Text.Replace("'", "''", StringComparison.Ordinal)}'",
        LiteralKind.Date => $"DATE '{Text}'",
        LiteralKind.Timestamp => $"TIMESTAMP '{Text}'",
        _ => Text,
    };
}
