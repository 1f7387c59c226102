using System.Globalization;
using System.Text;

namespace Lakehouse.Delta.Partitions;

/// <summary>
/// Hive-style partition directories (<c>col=value/</c>) with Spark's escaping (<c>ExternalCatalogUtils.escapePathName</c>):
/// control characters and <c>"#%'*/:=?\{[]^</c> and DEL become <c>%XX</c>; null is <c>__HIVE_DEFAULT_PARTITION__</c>.
/// Directory names are cosmetic: partition values are always read from the log.
/// </summary>
public static class HivePartitionPath
{
    /// <summary>Spark's directory name for a null partition value.</summary>
    public const string DefaultPartitionName = "__HIVE_DEFAULT_PARTITION__";

    /// <summary>Escapes one path segment the way Spark does.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringBuilder? sb = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (NeedsEscape(c))
            {
                sb ??= new StringBuilder(value, 0, i, value.Length + 8);
                sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? value;
    }

    /// <summary>Reverses <see cref="Escape"/>.</summary>
    public static string Unescape(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (!segment.Contains('%', StringComparison.Ordinal))
        {
            return segment;
        }

        var sb = new StringBuilder(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '%' && i + 2 < segment.Length
                && int.TryParse(segment.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 2;
            }
            else
            {
                sb.Append(segment[i]);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c < ' ' || c is '"' or '#' or '%' or '\'' or '*' or '/' or ':' or '=' or '?' or '\\' or '\u007F' or '{' or '[' or ']' or '^';

    /// <summary>The relative directory (<c>a=1/b=x%3Ay/</c>, with a trailing '/') for partition values in column order; empty when unpartitioned.</summary>
    public static string Directory(IReadOnlyList<string> partitionColumns, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(partitionColumns);
        ArgumentNullException.ThrowIfNull(values);
        if (partitionColumns.Count == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var column in partitionColumns)
        {
            values.TryGetValue(column, out var v);
            sb.Append(Escape(column)).Append('=').Append(string.IsNullOrEmpty(v) ? DefaultPartitionName : Escape(v)).Append('/');
        }

        return sb.ToString();
    }
}
