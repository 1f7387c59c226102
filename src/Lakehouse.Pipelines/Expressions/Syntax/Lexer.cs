using System.Text;

namespace Lakehouse.Pipelines.Expressions.Syntax;

/// <summary>Splits expression text into tokens. Keywords are plain identifiers; the parser recognises them case-insensitively.</summary>
internal sealed class Lexer
{
    private readonly string _text;
    private readonly ExpressionOrigin _origin;
    private int _pos;

    private Lexer(string text, ExpressionOrigin origin)
    {
        _text = text;
        _origin = origin;
    }

    public static List<Token> Tokenize(string text, ExpressionOrigin origin)
    {
        var lexer = new Lexer(text, origin);
        var tokens = new List<Token>();
        Token token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        }
        while (token.Kind != TokenKind.End);

        return tokens;
    }

    private Token Next()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }

        if (_pos >= _text.Length)
        {
            return new Token(TokenKind.End, string.Empty, _text.Length, 0);
        }

        var start = _pos;
        var c = _text[_pos];
        if (char.IsLetter(c) || c == '_')
        {
            while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }

            return new Token(TokenKind.Identifier, _text[start.._pos], start, _pos - start);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
        {
            return Number(start);
        }

        return c switch
        {
            '\'' => Quoted(start, '\'', TokenKind.String, "string literal"),
            '`' => Quoted(start, '`', TokenKind.QuotedIdentifier, "quoted identifier"),
            '(' => Single(TokenKind.LeftParen),
            ')' => Single(TokenKind.RightParen),
            ',' => Single(TokenKind.Comma),
            '.' => Single(TokenKind.Dot),
            '+' => Single(TokenKind.Plus),
            '-' => Single(TokenKind.Minus),
            '*' => Single(TokenKind.Star),
            '/' => Single(TokenKind.Slash),
            '%' => Single(TokenKind.Percent),
            '|' when Peek(1) == '|' => Multi(TokenKind.Concat, 2),
            '=' when Peek(1) == '=' => Multi(TokenKind.Equal, 2),
            '=' => Single(TokenKind.Equal),
            '!' when Peek(1) == '=' => Multi(TokenKind.NotEqual, 2),
            '<' when Peek(1) == '=' && Peek(2) == '>' => Multi(TokenKind.NullSafeEqual, 3),
            '<' when Peek(1) == '=' => Multi(TokenKind.LessOrEqual, 2),
            '<' when Peek(1) == '>' => Multi(TokenKind.NotEqual, 2),
            '<' => Single(TokenKind.Less),
            '>' when Peek(1) == '=' => Multi(TokenKind.GreaterOrEqual, 2),
            '>' => Single(TokenKind.Greater),
            _ => throw ExpressionException.At(_text, _origin, start, $"unexpected character '{c}'"),
        };
    }

    private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private Token Single(TokenKind kind) => Multi(kind, 1);

    private Token Multi(TokenKind kind, int length)
    {
        var token = new Token(kind, _text.Substring(_pos, length), _pos, length);
        _pos += length;
        return token;
    }

    private Token Number(int start)
    {
        var kind = TokenKind.Integer;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }

        if (_pos < _text.Length && _text[_pos] == '.')
        {
            kind = TokenKind.Decimal;
            _pos++;
            while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }
        }

        if (_pos < _text.Length && _text[_pos] is 'e' or 'E')
        {
            var save = _pos;
            _pos++;
            if (_pos < _text.Length && _text[_pos] is '+' or '-')
            {
                _pos++;
            }

            if (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            {
                kind = TokenKind.Double;
                while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
                {
                    _pos++;
                }
            }
            else
            {
                _pos = save;
            }
        }

        var digitsEnd = _pos;

        // Spark literal suffixes: 10L (bigint), 1.5D (double), 1.5BD (decimal), 10S (smallint), 10Y (tinyint).
        var suffix = string.Empty;
        while (_pos < _text.Length && char.IsLetter(_text[_pos]))
        {
            _pos++;
        }

        if (_pos > digitsEnd)
        {
            suffix = _text[digitsEnd.._pos].ToUpperInvariant();
            if (suffix is not ("L" or "D" or "BD" or "S" or "Y" or "F"))
            {
                throw ExpressionException.At(_text, _origin, digitsEnd, $"unexpected '{_text[digitsEnd.._pos]}' after number (valid suffixes: L, S, Y, D, F, BD)");
            }
        }

        return new Token(kind, _text[start.._pos], start, _pos - start);
    }

    private Token Quoted(int start, char quote, TokenKind kind, string what)
    {
        var sb = new StringBuilder();
        _pos++;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw ExpressionException.At(_text, _origin, start, $"unterminated {what}: add the closing {quote}");
            }

            var c = _text[_pos];
            if (c == quote)
            {
                if (Peek(1) == quote)
                {
                    sb.Append(quote);
                    _pos += 2;
                    continue;
                }

                _pos++;
                return new Token(kind, sb.ToString(), start, _pos - start);
            }

            sb.Append(c);
            _pos++;
        }
    }
}
