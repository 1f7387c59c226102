namespace Lakehouse.Local.StateMachines.Choices;

/// <summary>
/// A StringMatches pattern: <c>*</c> matches any run of characters (including none); <c>\*</c> is a literal star
/// and <c>\\</c> a literal backslash. No other character is special.
/// </summary>
internal sealed class StringPattern
{
    // Each token is a literal run or null for a wildcard.
    private readonly List<string?> _tokens = [];

    public StringPattern(string pattern)
    {
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                literal.Append(pattern[++i]);
            }
            else if (c == '*')
            {
                _tokens.Add(literal.ToString());
                _tokens.Add(null);
                literal.Clear();
            }
            else
            {
                literal.Append(c);
            }
        }

        _tokens.Add(literal.ToString());
    }

    public bool IsMatch(string value) => Match(value, 0, 0);

    private bool Match(string value, int pos, int token)
    {
        if (token == _tokens.Count)
        {
            return pos == value.Length;
        }

        var t = _tokens[token];
        if (t is not null)
        {
            return string.CompareOrdinal(value, pos, t, 0, t.Length) == 0 && pos + t.Length <= value.Length && Match(value, pos + t.Length, token + 1);
        }

        for (var start = pos; start <= value.Length; start++)
        {
            if (Match(value, start, token + 1))
            {
                return true;
            }
        }

        return false;
    }
}
