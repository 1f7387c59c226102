namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// Parses a schema hint key into field names: segments separated by dots, each either a plain name or a backtick-quoted
/// name (a doubled backtick inside quotes is one backtick), as in Spark and Auto Loader (<c>address.zip</c>,
/// <c>`order.id`</c>, <c>meta.`x.y`</c>).
/// </summary>
internal static class SchemaHintPath
{
    /// <summary>The names of <paramref name="text"/>, or null with the error and its character offset.</summary>
    public static List<string>? TryParse(string text, out string error, out int offset)
    {
        var names = new List<string>();
        error = string.Empty;
        offset = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            string name;
            if (i < text.Length && text[i] == '`')
            {
                var sb = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        error = "a backtick-quoted name is not closed";
                        offset = start;
                        return null;
                    }

                    if (text[i] == '`')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '`')
                        {
                            sb.Append('`');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(text[i++]);
                }

                name = sb.ToString();
            }
            else
            {
                while (i < text.Length && text[i] != '.' && text[i] != '`')
                {
                    i++;
                }

                name = text[start..i].Trim();
            }

            if (name.Length == 0)
            {
                error = "a field name is empty (two dots in a row, or a dot at the start or end)";
                offset = start;
                return null;
            }

            names.Add(name);
            if (i >= text.Length)
            {
                return names;
            }

            if (text[i] != '.')
            {
                error = "a quoted name must be followed by '.' or end the key";
                offset = i;
                return null;
            }

            i++;
        }
    }

    /// <summary>The path as a display key (dotted, quoting names that need it).</summary>
    public static string Format(IReadOnlyList<string> path) =>
        string.Join('.', path.Select(n => n.Contains('.', StringComparison.Ordinal) || n.Contains('`', StringComparison.Ordinal) ? "`" + n.Replace("`", "``", StringComparison.Ordinal) + "`" : n));
}
