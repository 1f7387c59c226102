using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.DataFlow;
using Lakehouse.Local.StateMachines.Paths;

namespace Lakehouse.Local.StateMachines.Intrinsics;

/// <summary>
/// Parses intrinsic function calls: <c>States.Name(arg, ...)</c> where an argument is a quoted string with
/// backslash escapes, a number, true/false/null, a path, or another call. Throws <see cref="JsonPathSyntaxException"/>
/// with a readable message on anything else; the definition parser names the state and field.
/// </summary>
internal sealed class IntrinsicParser
{
    private readonly string _text;
    private int _pos;

    private IntrinsicParser(string text) => _text = text;

    public static IntrinsicCall Parse(string text)
    {
        var parser = new IntrinsicParser(text.Trim());
        var call = parser.ParseCall();
        parser.SkipSpace();
        if (parser._pos != parser._text.Length)
        {
            throw parser.Fail("unexpected text after the closing ')'");
        }

        return call;
    }

    private IntrinsicCall ParseCall()
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '.'))
        {
            _pos++;
        }

        var name = _text[start.._pos];
        if (!IntrinsicFunctions.TryGetArity(name, out var min, out var max))
        {
            throw Fail($"'{name}' is not a supported intrinsic function");
        }

        SkipSpace();
        Expect('(');
        var args = new List<IntrinsicExpression>();
        SkipSpace();
        if (Peek() == ')')
        {
            _pos++;
        }
        else
        {
            while (true)
            {
                SkipSpace();
                args.Add(ParseArgument());
                SkipSpace();
                if (Peek() == ',')
                {
                    _pos++;
                    continue;
                }

                Expect(')');
                break;
            }
        }

        if (args.Count < min || args.Count > max)
        {
            throw Fail(min == max
                ? $"{name} takes {min} argument(s), got {args.Count}"
                : $"{name} takes {min} to {(max == int.MaxValue ? "any number of" : max.ToString(CultureInfo.InvariantCulture))} arguments, got {args.Count}");
        }

        return new IntrinsicCall(name, args);
    }

    private IntrinsicExpression ParseArgument()
    {
        var c = Peek();
        if (c == '\'')
        {
            return ParseString();
        }

        if (c == '$')
        {
            return ParsePath();
        }

        if (c == '-' || char.IsDigit(c))
        {
            var start = _pos;
            _pos++;
            while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '+' or '-'))
            {
                _pos++;
            }

            var number = _text[start.._pos];
            if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw Fail($"'{number}' is not a number");
            }

            return new IntrinsicLiteral(JsonValues.Number(value), null);
        }

        foreach (var (word, node) in new (string, JsonNode?)[] { ("true", JsonValue.Create(true)), ("false", JsonValue.Create(false)), ("null", null) })
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0)
            {
                _pos += word.Length;
                return new IntrinsicLiteral(node, null);
            }
        }

        if (string.CompareOrdinal(_text, _pos, "States.", 0, 7) == 0)
        {
            return ParseCall();
        }

        throw Fail($"unexpected '{c}' where an argument was expected");
    }

    private IntrinsicLiteral ParseString()
    {
        _pos++;
        var value = new StringBuilder();
        var raw = new StringBuilder();
        while (_pos < _text.Length && _text[_pos] != '\'')
        {
            if (_text[_pos] == '\\' && _pos + 1 < _text.Length)
            {
                raw.Append(_text[_pos]);
                _pos++;
            }

            raw.Append(_text[_pos]);
            value.Append(_text[_pos]);
            _pos++;
        }

        Expect('\'');
        return new IntrinsicLiteral(JsonValue.Create(value.ToString()), raw.ToString());
    }

    private IntrinsicPath ParsePath()
    {
        var start = _pos;
        var depth = 0;
        char? quote = null;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"' && depth > 0)
            {
                quote = c;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }
            else if (depth == 0 && (c is ',' or ')' || char.IsWhiteSpace(c)))
            {
                break;
            }

            _pos++;
        }

        return new IntrinsicPath(JsonPath.Parse(_text[start.._pos]));
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipSpace()
    {
        while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Fail($"expected '{c}'");
        }

        _pos++;
    }

    private JsonPathSyntaxException Fail(string problem) =>
        new($"intrinsic function '{_text}': {problem} at position {_pos}.");
}
