using System.Globalization;
using System.Text;

namespace Lakehouse.Local.StateMachines.Paths;

/// <summary>Parses the JsonPath subset described on <see cref="JsonPath"/>.</summary>
internal static class JsonPathParser
{
    public static JsonPath Parse(string text, Func<bool, IReadOnlyList<PathSegment>, JsonPath> create)
    {
        if (!text.StartsWith('$'))
        {
            throw new JsonPathSyntaxException($"'{text}' is not a path: a path starts with '$' (or '$$' for the context object).");
        }

        var isContext = text.StartsWith("$$", StringComparison.Ordinal);
        var i = isContext ? 2 : 1;
        var segments = new List<PathSegment>();
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '.')
            {
                i++;
                if (i < text.Length && text[i] == '.')
                {
                    throw new JsonPathSyntaxException($"'{text}': recursive descent '..' is not supported; name each step.");
                }

                if (i < text.Length && text[i] == '*')
                {
                    segments.Add(PathSegment.Wildcard);
                    i++;
                    continue;
                }

                var start = i;
                while (i < text.Length && text[i] != '.' && text[i] != '[')
                {
                    i++;
                }

                if (i == start)
                {
                    throw new JsonPathSyntaxException($"'{text}': empty field name at position {start}.");
                }

                segments.Add(PathSegment.Field(text[start..i]));
            }
            else if (c == '[')
            {
                i = ParseBracket(text, i + 1, segments);
            }
            else
            {
                throw new JsonPathSyntaxException($"'{text}': unexpected '{c}' at position {i}; expected '.' or '['.");
            }
        }

        return create(isContext, segments);
    }

    private static int ParseBracket(string text, int i, List<PathSegment> segments)
    {
        if (i >= text.Length)
        {
            throw new JsonPathSyntaxException($"'{text}': unterminated '['.");
        }

        var c = text[i];
        if (c is '\'' or '"')
        {
            var name = new StringBuilder();
            i++;
            while (i < text.Length && text[i] != c)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }

                name.Append(text[i]);
                i++;
            }

            if (i + 1 >= text.Length || text[i + 1] != ']')
            {
                throw new JsonPathSyntaxException($"'{text}': unterminated quoted name; write ['name'].");
            }

            segments.Add(PathSegment.Field(name.ToString()));
            return i + 2;
        }

        var close = text.IndexOf(']', i);
        if (close < 0)
        {
            throw new JsonPathSyntaxException($"'{text}': unterminated '['.");
        }

        var inner = text[i..close].Trim();
        if (inner == "*")
        {
            segments.Add(PathSegment.Wildcard);
        }
        else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            segments.Add(PathSegment.At(index));
        }
        else
        {
            throw new JsonPathSyntaxException(
                $"'{text}': '[{inner}]' is not supported (only [n], [*] and ['name']; no filters, slices or negative indexes).");
        }

        return close + 1;
    }
}
