namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>
/// A compiled SQL LIKE pattern matched on UTF-8 bytes: <c>%</c> any run, <c>_</c> exactly one character (code point),
/// the escape character (default <c>\</c>) makes the next character literal. Literal, prefix, suffix and contains
/// patterns take fast paths; the rest uses iterative wildcard matching (no backtracking blow-up).
/// </summary>
internal sealed class LikePattern
{
    private enum Shape
    {
        General,
        Exact,
        Prefix,
        Suffix,
        Contains,
    }

    private readonly Shape _shape;
    private readonly byte[] _literal = [];
    private readonly List<(byte[] Literal, bool AnyRun, bool OneChar)> _tokens = [];

    private LikePattern(string pattern, char escape)
    {
        var text = new List<byte>();
        var parts = new List<(string Kind, string Text)>();
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == escape && i + 1 < pattern.Length)
            {
                literal.Append(pattern[++i]);
            }
            else if (c == escape)
            {
                throw new FormatException($"the LIKE pattern '{pattern}' ends with the escape character '{escape}'");
            }
            else if (c is '%' or '_')
            {
                if (literal.Length > 0)
                {
                    parts.Add(("L", literal.ToString()));
                    literal.Clear();
                }

                parts.Add((c.ToString(), string.Empty));
            }
            else
            {
                literal.Append(c);
            }
        }

        if (literal.Length > 0)
        {
            parts.Add(("L", literal.ToString()));
        }

        var kinds = string.Concat(parts.Select(p => p.Kind));
        var literals = parts.Where(p => p.Kind == "L").Select(p => System.Text.Encoding.UTF8.GetBytes(p.Text)).ToList();
        (_shape, _literal) = kinds switch
        {
            "" => (Shape.Exact, Array.Empty<byte>()),
            "L" => (Shape.Exact, literals[0]),
            "L%" => (Shape.Prefix, literals[0]),
            "%L" => (Shape.Suffix, literals[0]),
            "%L%" => (Shape.Contains, literals[0]),
            "%" or "%%" => (Shape.Prefix, Array.Empty<byte>()),
            _ => (Shape.General, Array.Empty<byte>()),
        };

        foreach (var (kind, value) in parts)
        {
            _tokens.Add((kind == "L" ? System.Text.Encoding.UTF8.GetBytes(value) : [], kind == "%", kind == "_"));
        }
    }

    public static LikePattern Compile(string pattern, char escape = '\\') => new(pattern, escape);

    public bool IsMatch(ReadOnlySpan<byte> value) => _shape switch
    {
        Shape.Exact => value.SequenceEqual(_literal),
        Shape.Prefix => value.StartsWith(_literal),
        Shape.Suffix => value.EndsWith(_literal),
        Shape.Contains => value.IndexOf(_literal) >= 0,
        _ => MatchGeneral(value),
    };

    private bool MatchGeneral(ReadOnlySpan<byte> value)
    {
        // Classic greedy wildcard matching with one backtrack point (the last %), linear in practice.
        var t = 0;
        var v = 0;
        var starToken = -1;
        var starValue = 0;
        while (v < value.Length || t < _tokens.Count)
        {
            if (t < _tokens.Count)
            {
                var (literal, anyRun, oneChar) = _tokens[t];
                if (anyRun)
                {
                    starToken = t++;
                    starValue = v;
                    continue;
                }

                if (oneChar && v < value.Length)
                {
                    v += CharLength(value[v]);
                    t++;
                    continue;
                }

                if (!oneChar && value[v..].StartsWith(literal))
                {
                    v += literal.Length;
                    t++;
                    continue;
                }
            }

            if (starToken < 0 || starValue >= value.Length)
            {
                return false;
            }

            starValue += CharLength(value[starValue]);
            v = starValue;
            t = starToken + 1;
        }

        return true;
    }

    private static int CharLength(byte lead) => lead switch
    {
        < 0x80 => 1,
        >= 0xF0 => 4,
        >= 0xE0 => 3,
        >= 0xC0 => 2,
        _ => 1,
    };
}
