using System.Text;

namespace Lakehouse.Delta.Partitions;

/// <summary>
/// The URI form of <c>add.path</c>/<c>remove.path</c> (RFC 2396). The log stores paths URI-encoded; readers decode them
/// exactly once (so a Hive-escaped directory <c>a=x%2521</c> appears in the log as <c>a=x%252521</c>).
/// </summary>
public static class DeltaPath
{
    /// <summary>Decodes a log path once into the relative (or absolute) file path.</summary>
    public static string Decode(string logPath)
    {
        ArgumentNullException.ThrowIfNull(logPath);
        return logPath.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(logPath) : logPath;
    }

    /// <summary>Encodes a relative file path for the log: everything but unreserved characters, '/' and the
    /// sub-delimiters Spark leaves alone is percent-encoded (as Hadoop's <c>Path.toUri</c> does).</summary>
    public static string Encode(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var sb = new StringBuilder(relativePath.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in relativePath.EnumerateRunes())
        {
            if (rune.IsAscii && IsAllowed((char)rune.Value))
            {
                sb.Append((char)rune.Value);
                continue;
            }

            var n = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < n; i++)
            {
                sb.Append('%').Append(utf8[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static bool IsAllowed(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '/' or '!' or '$' or '&' or '\'' or '(' or ')'
            or '*' or '+' or ',' or ';' or '=' or ':' or '@';

    /// <summary>True when the decoded path is absolute (a URI with a scheme or a rooted path).</summary>
    public static bool IsAbsolute(string decodedPath) =>
        decodedPath.StartsWith('/') || decodedPath.Contains("://", StringComparison.Ordinal) || decodedPath.StartsWith("file:", StringComparison.Ordinal);
}
