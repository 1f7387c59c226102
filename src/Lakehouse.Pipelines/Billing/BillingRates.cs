using System.Globalization;

namespace Lakehouse.Pipelines.Billing;

/// <summary>
/// How usage becomes platform units (the <c>dbus</c> column). Function time is billed per GB-second by architecture;
/// orchestration per 1,000 state transitions. Defaults: x86_64 0.0001 units/GB-s, arm64 0.00008 units/GB-s
/// (Graviton is cheaper, as on Lambda), 0.025 units per 1,000 state transitions.
/// </summary>
/// <remarks>
/// Configured with one string, e.g. the <c>LAKEHOUSE_BILLING_RATES</c> environment variable or the CLI's
/// <c>--rates</c>: <c>x86_64=0.0001,arm64=0.00008,transitions=0.025</c> (any architecture name; invariant decimals).
/// </remarks>
public sealed record BillingRates(IReadOnlyDictionary<string, decimal> UnitsPerGbSecond, decimal UnitsPerThousandStateTransitions)
{
    public static BillingRates Default { get; } = new(
        new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["x86_64"] = 0.0001m, ["arm64"] = 0.00008m },
        0.025m);

    /// <summary>Units for <paramref name="gbSeconds"/> on <paramref name="architecture"/>; unknown architectures are an error, never free.</summary>
    public decimal ForCompute(string architecture, decimal gbSeconds) =>
        UnitsPerGbSecond.TryGetValue(architecture, out var rate)
            ? gbSeconds * rate
            : throw new BillingException(
                $"No billing rate for architecture '{architecture}'. Add it to the rate table (e.g. LAKEHOUSE_BILLING_RATES=\"{architecture}=0.0001,...\").");

    public decimal ForStateTransitions(long transitions) => transitions / 1000m * UnitsPerThousandStateTransitions;

    /// <summary>Parses <c>arch=rate,...,transitions=rate</c>; unspecified entries keep their defaults.</summary>
    public static BillingRates Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var compute = new Dictionary<string, decimal>(Default.UnitsPerGbSecond, StringComparer.OrdinalIgnoreCase);
        var transitions = Default.UnitsPerThousandStateTransitions;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length != 2 || kv[0].Length == 0
                || !decimal.TryParse(kv[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate))
            {
                throw new BillingException(
                    $"Invalid billing rate entry '{part}'. Expected name=rate with a non-negative invariant decimal, e.g. 'x86_64=0.0001,transitions=0.025'.");
            }

            if (kv[0].Equals("transitions", StringComparison.OrdinalIgnoreCase))
            {
                transitions = rate;
            }
            else
            {
                compute[kv[0]] = rate;
            }
        }

        return new BillingRates(compute, transitions);
    }
}
