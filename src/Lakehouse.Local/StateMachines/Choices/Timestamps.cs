using System.Globalization;
using System.Text.RegularExpressions;

namespace Lakehouse.Local.StateMachines.Choices;

/// <summary>RFC 3339 timestamps as the States Language reads them (Timestamp comparisons, Wait.Timestamp).</summary>
internal static partial class Timestamps
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
