namespace Lakehouse.Pipelines.Expressions.Syntax;

/// <summary>
/// Recursive-descent (precedence-climbing) parser for Spark SQL expressions. Precedence, loosest first:
/// OR; AND; NOT; comparisons and predicates (= == != &lt;&gt; &lt; &lt;= &gt; &gt;= &lt;=&gt;, IS [NOT] NULL,
/// [NOT] IN, [NOT] BETWEEN, [NOT] LIKE, [NOT] RLIKE); + - ||; * / %; unary - +. Binary operators are left-associative.
/// </summary>
public sealed partial class Parser
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "IS", "IN", "BETWEEN", "LIKE", "RLIKE", "CASE", "WHEN", "THEN", "ELSE", "END", "AS", "ESCAPE", "DISTINCT",
    };

    private readonly string _text;
    private readonly ExpressionOrigin _origin;
    private readonly List<Token> _tokens;
    private int _index;

    private Parser(string text, ExpressionOrigin origin)
    {
        _text = text;
        _origin = origin;
        _tokens = Lexer.Tokenize(text, origin);
    }

    /// <summary>Parses a whole expression; throws <see cref="ExpressionException"/> with the position and what was expected.</summary>
    public static SyntaxNode Parse(string text, ExpressionOrigin origin = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(text, origin);
        if (parser.Current.Kind == TokenKind.End)
        {
            throw ExpressionException.At(text, origin, 0, "expected an expression but the text is empty");
        }

        var node = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Error($"expected an operator or end of expression but found {parser.Current.Describe()}");
        }

        return node;
    }

    private Token Current => _tokens[_index];

    private Token PeekToken(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private Token Advance() => _tokens[_index++];

    private ExpressionException Error(string problem) => ExpressionException.At(_text, _origin, Current.Offset, problem);

    private bool AcceptKeyword(string keyword)
    {
        if (Current.IsKeyword(keyword))
        {
            _index++;
            return true;
        }

        return false;
    }

    private void ExpectKeyword(string keyword, string context)
    {
        if (!AcceptKeyword(keyword))
        {
            throw Error($"expected {keyword} {context} but found {Current.Describe()}");
        }
    }

    private Token Expect(TokenKind kind, string what, string context)
    {
        if (Current.Kind != kind)
        {
            throw Error($"expected {what} {context} but found {Current.Describe()}");
        }

        return Advance();
    }

    private SyntaxNode ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("OR"))
        {
            var op = Advance();
            left = new BinarySyntax(BinaryOperator.Or, left, ParseAnd(), left.Offset, op.Offset);
        }

        return left;
    }

    private SyntaxNode ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsKeyword("AND"))
        {
            var op = Advance();
            left = new BinarySyntax(BinaryOperator.And, left, ParseNot(), left.Offset, op.Offset);
        }

        return left;
    }

    private SyntaxNode ParseNot()
    {
        if (Current.IsKeyword("NOT"))
        {
            var op = Advance();
            return new UnarySyntax(UnaryOperator.Not, ParseNot(), op.Offset);
        }

        return ParsePredicate();
    }

    private SyntaxNode ParsePredicate()
    {
        var left = ParseAdditive();
        while (true)
        {
            if (ComparisonOperator(Current.Kind) is { } cmp)
            {
                var op = Advance();
                left = new BinarySyntax(cmp, left, ParseAdditive(), left.Offset, op.Offset);
                continue;
            }

            if (Current.IsKeyword("IS"))
            {
                Advance();
                var negated = AcceptKeyword("NOT");
                ExpectKeyword("NULL", "after IS" + (negated ? " NOT" : string.Empty));
                left = new IsNullSyntax(left, negated, left.Offset);
                continue;
            }

            var not = Current.IsKeyword("NOT") && (PeekToken(1).IsKeyword("IN") || PeekToken(1).IsKeyword("BETWEEN")
                || PeekToken(1).IsKeyword("LIKE") || PeekToken(1).IsKeyword("RLIKE"));
            if (not)
            {
                Advance();
            }

            if (AcceptKeyword("IN"))
            {
                left = new InSyntax(left, ParseInList(), not, left.Offset);
            }
            else if (AcceptKeyword("BETWEEN"))
            {
                var low = ParseAdditive();
                ExpectKeyword("AND", "between the bounds of BETWEEN");
                left = new BetweenSyntax(left, low, ParseAdditive(), not, left.Offset);
            }
            else if (AcceptKeyword("LIKE"))
            {
                var pattern = ParseAdditive();
                var escape = AcceptKeyword("ESCAPE") ? ParseAdditive() : null;
                left = new LikeSyntax(left, pattern, escape, not, left.Offset);
            }
            else if (Current.IsKeyword("RLIKE"))
            {
                var op = Advance();
                SyntaxNode call = new CallSyntax("rlike", [left, ParseAdditive()], false, false, op.Offset);
                left = not ? new UnarySyntax(UnaryOperator.Not, call, left.Offset) : call;
            }
            else
            {
                return left;
            }
        }
    }

    private List<SyntaxNode> ParseInList()
    {
        Expect(TokenKind.LeftParen, "'('", "after IN");
        var items = new List<SyntaxNode> { ParseOr() };
        while (Current.Kind == TokenKind.Comma)
        {
            Advance();
            items.Add(ParseOr());
        }

        Expect(TokenKind.RightParen, "')' or ','", "in the IN list");
        return items;
    }

    private static BinaryOperator? ComparisonOperator(TokenKind kind) => kind switch
    {
        TokenKind.Equal => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        TokenKind.NullSafeEqual => BinaryOperator.NullSafeEqual,
        _ => null,
    };

    private SyntaxNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus or TokenKind.Concat)
        {
            var op = Advance();
            var kind = op.Kind switch
            {
                TokenKind.Plus => BinaryOperator.Add,
                TokenKind.Minus => BinaryOperator.Subtract,
                _ => BinaryOperator.Concat,
            };
            left = new BinarySyntax(kind, left, ParseMultiplicative(), left.Offset, op.Offset);
        }

        return left;
    }

    private SyntaxNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Advance();
            var kind = op.Kind switch
            {
                TokenKind.Star => BinaryOperator.Multiply,
                TokenKind.Slash => BinaryOperator.Divide,
                _ => BinaryOperator.Modulo,
            };
            left = new BinarySyntax(kind, left, ParseUnary(), left.Offset, op.Offset);
        }

        return left;
    }

    private SyntaxNode ParseUnary()
    {
        if (Current.Kind is TokenKind.Minus or TokenKind.Plus)
        {
            var op = Advance();
            return new UnarySyntax(op.Kind == TokenKind.Minus ? UnaryOperator.Negate : UnaryOperator.Plus, ParseUnary(), op.Offset);
        }

        return ParsePrimary();
    }
}
