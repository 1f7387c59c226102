namespace Lakehouse.Pipelines.Expressions;

/// <summary>
/// Where an expression's text starts in its definition file (1-based line and column), so errors point at the
/// YAML the user wrote: <c>pipeline.yaml:14:12</c>. <see cref="None"/> when the text did not come from a file.
/// </summary>
public readonly record struct ExpressionOrigin(string? File, int Line, int Column)
{
    public static ExpressionOrigin None => new(null, 0, 0);

    /// <summary>The location of <paramref name="offset"/> within <paramref name="text"/> (which starts at this origin), as <c>file:line:column</c>.</summary>
    public string Describe(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = offset - lineStart + 1;
        if (File is null && Line == 0)
        {
            return line == 0 ? $"column {column}" : $"line {line + 1}, column {column}";
        }

        var absoluteLine = Math.Max(Line, 1) + line;
        var absoluteColumn = line == 0 ? Math.Max(Column, 1) + column - 1 : column;
        return $"{File ?? "<expression>"}:{absoluteLine}:{absoluteColumn}";
    }
}
