using System.Security.Cryptography;
using System.Text;

namespace Lakehouse.Pipelines.Orchestration;

/// <summary>
/// Run ids double as Step Functions execution names (1-80 characters of <c>[A-Za-z0-9_-]</c>, unique per state machine
/// for 90 days), so deriving them from what triggered the run makes duplicate triggers idempotent.
/// </summary>
public static class RunIds
{
    public const int MaxLength = 80;

    /// <summary>The run triggered by bronze commit <paramref name="version"/> of <paramref name="table"/>.</summary>
    public static string ForBronzeCommit(string pipeline, string table, long version) =>
        Make($"{pipeline}-{table}-v{version}");

    /// <summary>A run started by hand or by a schedule at a given instant.</summary>
    public static string Manual(string pipeline, DateTimeOffset at) =>
        Make($"{pipeline}-manual-{at.UtcDateTime:yyyyMMdd'T'HHmmssfff}");

    /// <summary>Sanitizes to the allowed alphabet; long names keep a readable prefix plus a hash of the whole name.</summary>
    public static string Make(string raw)
    {
        ArgumentException.ThrowIfNullOrEmpty(raw);
        var sb = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        var name = sb.ToString();
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..16];
        return $"{name[..(MaxLength - 17)]}-{hash}";
    }
}
