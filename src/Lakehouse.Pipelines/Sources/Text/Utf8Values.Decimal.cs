using System.Runtime.CompilerServices;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Sources.Text;

internal static partial class Utf8Values
{
    private static readonly Int128[] Int128Powers = BuildPowers();

    /// <summary>
    /// Parses a decimal into the unscaled value at <paramref name="scale"/>. Fraction digits beyond the scale must be
    /// zeros (values are never rounded) and the result must fit <paramref name="precision"/> digits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDecimal(ReadOnlySpan<byte> s, int precision, int scale, out Int128 unscaled)
    {
        s = Trim(s);
        unscaled = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && s[0] is (byte)'-' or (byte)'+')
        {
            negative = s[0] == (byte)'-';
            i = 1;
        }

        Int128 value = 0;
        var significant = 0;
        var fraction = -1;
        var anyDigit = false;
        for (; i < s.Length; i++)
        {
            var d = (uint)(s[i] - '0');
            if (d <= 9)
            {
                anyDigit = true;
                if (fraction >= 0)
                {
                    if (fraction == scale)
                    {
                        if (d != 0)
                        {
                            return false; // would need rounding
                        }

                        continue;
                    }

                    fraction++;
                }

                if (value != 0 || d != 0)
                {
                    if (++significant > precision)
                    {
                        return false;
                    }
                }

                value = (value * 10) + d;
            }
            else if (s[i] == (byte)'.' && fraction < 0)
            {
                fraction = 0;
            }
            else if (s[i] is (byte)'e' or (byte)'E')
            {
                return TryParseDecimalSlow(s, precision, scale, out unscaled);
            }
            else
            {
                return false;
            }
        }

        if (!anyDigit)
        {
            return false;
        }

        var shift = scale - Math.Max(fraction, 0);
        if (shift > 0)
        {
            if (significant + shift > precision && value != 0)
            {
                return false;
            }

            value *= Int128Powers[shift];
        }

        unscaled = negative ? -value : value;
        return true;
    }

    /// <summary>Exponent notation goes through <see cref="DecimalValue.TryParse"/> (exact, BigInteger based).</summary>
    private static bool TryParseDecimalSlow(ReadOnlySpan<byte> s, int precision, int scale, out Int128 unscaled)
    {
        Span<char> chars = stackalloc char[s.Length];
        for (var i = 0; i < s.Length; i++)
        {
            chars[i] = (char)s[i];
        }

        var ok = DecimalValue.TryParse(chars, precision, scale, out var value);
        unscaled = value.Unscaled;
        return ok;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Int128[] BuildPowers()
    {
        var powers = new Int128[DecimalType.MaxPrecision + 1];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
