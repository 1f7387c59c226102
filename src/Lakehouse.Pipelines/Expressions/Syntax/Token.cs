namespace Lakehouse.Pipelines.Expressions.Syntax;

/// <summary>One lexeme: <see cref="Text"/> is the decoded value (unquoted identifier or string, number digits).</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Offset, int Length)
{
    public bool IsKeyword(string keyword) =>
        Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of expression",
        TokenKind.String => $"string '{Text}'",
        TokenKind.QuotedIdentifier => $"`{Text}`",
        _ => $"'{Text}'",
    };
}
