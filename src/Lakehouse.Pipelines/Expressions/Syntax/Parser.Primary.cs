namespace Lakehouse.Pipelines.Expressions.Syntax;

public sealed partial class Parser
{
    private SyntaxNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Integer:
            case TokenKind.Decimal:
            case TokenKind.Double:
                Advance();
                return new LiteralSyntax(NumberKind(token), token.Text, token.Offset);
            case TokenKind.String:
                Advance();
                return new LiteralSyntax(LiteralKind.String, token.Text, token.Offset);
            case TokenKind.LeftParen:
                Advance();
                var inner = ParseOr();
                Expect(TokenKind.RightParen, "')'", "to close the parenthesis");
                return inner;
            case TokenKind.QuotedIdentifier:
                return ParseColumn();
            case TokenKind.Identifier:
                return ParseIdentifierLed();
            default:
                throw Error($"expected an expression but found {token.Describe()}");
        }
    }

    private static LiteralKind NumberKind(Token token)
    {
        var upper = token.Text.ToUpperInvariant();
        if (upper.EndsWith("BD", StringComparison.Ordinal))
        {
            return LiteralKind.Decimal;
        }

        if (upper.EndsWith('D') || upper.EndsWith('F'))
        {
            return LiteralKind.Double;
        }

        return token.Kind switch
        {
            TokenKind.Integer => LiteralKind.Integer,
            TokenKind.Decimal => LiteralKind.Decimal,
            _ => LiteralKind.Double,
        };
    }

    private SyntaxNode ParseIdentifierLed()
    {
        var token = Current;
        var next = PeekToken(1);
        if (token.IsKeyword("NULL"))
        {
            Advance();
            return new LiteralSyntax(LiteralKind.Null, "NULL", token.Offset);
        }

        if (token.IsKeyword("TRUE") || token.IsKeyword("FALSE"))
        {
            Advance();
            return new LiteralSyntax(LiteralKind.Boolean, token.Text.ToUpperInvariant(), token.Offset);
        }

        if ((token.IsKeyword("DATE") || token.IsKeyword("TIMESTAMP")) && next.Kind == TokenKind.String)
        {
            Advance();
            Advance();
            return new LiteralSyntax(token.IsKeyword("DATE") ? LiteralKind.Date : LiteralKind.Timestamp, next.Text, token.Offset);
        }

        if (token.IsKeyword("CASE"))
        {
            return ParseCase();
        }

        if ((token.IsKeyword("CAST") || token.IsKeyword("TRY_CAST")) && next.Kind == TokenKind.LeftParen)
        {
            return ParseCast();
        }

        if (next.Kind == TokenKind.LeftParen)
        {
            return ParseCall();
        }

        if (Reserved.Contains(token.Text))
        {
            throw Error($"expected an expression but found keyword {token.Text.ToUpperInvariant()} (quote a column with this name in backticks)");
        }

        return ParseColumn();
    }

    private ColumnSyntax ParseColumn()
    {
        var start = Current.Offset;
        var path = new List<string> { Advance().Text };
        while (Current.Kind == TokenKind.Dot)
        {
            Advance();
            if (Current.Kind is not (TokenKind.Identifier or TokenKind.QuotedIdentifier))
            {
                throw Error($"expected a field name after '.' but found {Current.Describe()}");
            }

            path.Add(Advance().Text);
        }

        return new ColumnSyntax(path, start);
    }

    private CallSyntax ParseCall()
    {
        var name = Advance();
        Advance();
        var args = new List<SyntaxNode>();
        if (Current.Kind == TokenKind.Star && PeekToken(1).Kind == TokenKind.RightParen)
        {
            Advance();
            Advance();
            return new CallSyntax(name.Text, args, true, false, name.Offset);
        }

        var distinct = AcceptKeyword("DISTINCT");
        if (Current.Kind != TokenKind.RightParen)
        {
            args.Add(ParseOr());
            while (Current.Kind == TokenKind.Comma)
            {
                Advance();
                args.Add(ParseOr());
            }
        }

        Expect(TokenKind.RightParen, "')'", $"after the arguments of {name.Text}");
        return new CallSyntax(name.Text, args, false, distinct, name.Offset);
    }

    private CastSyntax ParseCast()
    {
        var keyword = Advance();
        Advance();
        var operand = ParseOr();
        ExpectKeyword("AS", $"after the value in {keyword.Text.ToUpperInvariant()}");
        var typeStart = Current;
        if (typeStart.Kind != TokenKind.Identifier)
        {
            throw Error($"expected a type name after AS but found {typeStart.Describe()}");
        }

        var typeName = Advance().Text;
        if (Current.Kind == TokenKind.LeftParen)
        {
            Advance();
            var precision = Expect(TokenKind.Integer, "a precision", $"in {typeName}(...)").Text;
            var scale = "0";
            if (Current.Kind == TokenKind.Comma)
            {
                Advance();
                scale = Expect(TokenKind.Integer, "a scale", $"in {typeName}(...)").Text;
            }

            Expect(TokenKind.RightParen, "')'", $"after {typeName}({precision}");
            typeName = $"{typeName}({precision},{scale})";
        }

        Expect(TokenKind.RightParen, "')'", $"to close {keyword.Text.ToUpperInvariant()}");
        return new CastSyntax(operand, typeName, typeStart.Offset, keyword.IsKeyword("TRY_CAST"), keyword.Offset);
    }

    private CaseSyntax ParseCase()
    {
        var start = Advance();
        var operand = Current.IsKeyword("WHEN") ? null : ParseOr();
        var branches = new List<CaseBranchSyntax>();
        while (AcceptKeyword("WHEN"))
        {
            var when = ParseOr();
            ExpectKeyword("THEN", "after the WHEN condition");
            branches.Add(new CaseBranchSyntax(when, ParseOr()));
        }

        if (branches.Count == 0)
        {
            throw Error($"expected WHEN in CASE but found {Current.Describe()}");
        }

        var otherwise = AcceptKeyword("ELSE") ? ParseOr() : null;
        if (!AcceptKeyword("END"))
        {
            throw Error($"expected WHEN, ELSE or END in CASE but found {Current.Describe()}");
        }

        return new CaseSyntax(operand, branches, otherwise, start.Offset);
    }
}
