using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lakehouse.Delta.Errors;

namespace Lakehouse.Delta.Writing;

/// <summary>
/// A column invariant from field metadata <c>delta.invariants</c> (writer version 2). Supported expressions:
/// <c>col IS NULL</c>, <c>col IS NOT NULL</c> and <c>col &lt;op&gt; literal</c> with =, ==, !=, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=
/// and numeric, quoted string or boolean literals. Anything else is refused (fail closed): writing data the table
/// would reject elsewhere is worse than not writing.
/// </summary>
internal sealed partial record ColumnInvariant(string ColumnPath, string Operator, object? Literal, string Expression)
{
    /// <summary>Reads the invariant of a field; null when the field has none.</summary>
    public static ColumnInvariant? FromMetadata(string? metadataJson, string fieldPath, string tableUri)
    {
        if (string.IsNullOrEmpty(metadataJson) || !metadataJson.Contains("delta.invariants", StringComparison.Ordinal))
        {
            return null;
        }

        using var doc = JsonDocument.Parse(metadataJson);
        if (!doc.RootElement.TryGetProperty("delta.invariants", out var inv) || inv.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        string? expression = null;
        try
        {
            using var inner = JsonDocument.Parse(inv.GetString()!);
            if (inner.RootElement.TryGetProperty("expression", out var e1) && e1.TryGetProperty("expression", out var e2))
            {
                expression = e2.GetString();
            }
        }
        catch (JsonException)
        {
        }

        return expression is null
            ? throw new DeltaWriteException($"Column '{fieldPath}' of {tableUri} has an unreadable invariant {inv.GetString()}; refusing to write.")
            : Parse(expression, tableUri);
    }

    [GeneratedRegex(@"^\s*`?(?<col>[A-Za-z_][\w.]*)`?\s+IS\s+(?<not>NOT\s+)?NULL\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NullCheck();

    [GeneratedRegex(@"^\s*`?(?<col>[A-Za-z_][\w.]*)`?\s*(?<op>==|=|!=|<>|<=|>=|<|>)\s*(?<lit>'(?:[^']|'')*'|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();

    public static ColumnInvariant Parse(string expression, string tableUri)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var trimmed = expression.Trim();
        while (trimmed.StartsWith('(') && trimmed.EndsWith(')'))
        {
            trimmed = trimmed[1..^1].Trim();
        }

        var m = NullCheck().Match(trimmed);
        if (m.Success)
        {
            return new ColumnInvariant(m.Groups["col"].Value, m.Groups["not"].Success ? "IS NOT NULL" : "IS NULL", null, expression);
        }

        m = Comparison().Match(trimmed);
        if (m.Success)
        {
            var lit = m.Groups["lit"].Value;
            object literal = lit.StartsWith('\'')
                ? lit[1..^1].Replace("''", "'", StringComparison.Ordinal)
                : bool.TryParse(lit, out var b) ? b
                : decimal.Parse(lit, NumberStyles.Float, CultureInfo.InvariantCulture);
            return new ColumnInvariant(m.Groups["col"].Value, m.Groups["op"].Value, literal, expression);
        }

        throw new DeltaWriteException(
            $"{tableUri} has the column invariant '{expression}', which this writer cannot evaluate (supported: col IS [NOT] NULL, col <op> literal). Refusing to write; write with Spark or drop the invariant.");
    }

    /// <summary>True when <paramref name="value"/> (canonical boxed form) satisfies the invariant; null results fail.</summary>
    public bool Holds(object? value)
    {
        switch (Operator)
        {
            case "IS NULL": return value is null;
            case "IS NOT NULL": return value is not null;
        }

        if (value is null)
        {
            return false;
        }

        int c;
        if (Literal is string s)
        {
            c = string.CompareOrdinal(Convert.ToString(value, CultureInfo.InvariantCulture), s);
        }
        else if (Literal is bool lb)
        {
            if (value is not bool vb)
            {
                return false;
            }

            c = vb.CompareTo(lb);
        }
        else
        {
            var number = value switch
            {
                Parquet.Data.DecimalValue dv => decimal.Parse(dv.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture),
                double d => (decimal)d,
                float f => (decimal)f,
                IConvertible conv => conv.ToDecimal(CultureInfo.InvariantCulture),
                _ => throw new DeltaWriteException($"Invariant '{Expression}' compares a {value.GetType().Name} with a number; refusing to write."),
            };
            c = number.CompareTo((decimal)Literal!);
        }

        return Operator switch
        {
            "=" or "==" => c == 0,
            "!=" or "<>" => c != 0,
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            _ => c >= 0,
        };
    }
}
