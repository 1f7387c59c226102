using System.Numerics;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>Exact arithmetic on unscaled decimals (Int128 fast paths, BigInteger when an intermediate exceeds 128 bits). Rounding is HALF_UP, as Spark's.</summary>
internal static class DecimalMath
{
    private static readonly Int128[] Powers = BuildPowers();

    public static Int128 Pow10(int exponent) => Powers[exponent];

    /// <summary>True when |<paramref name="value"/>| needs more than <paramref name="precision"/> digits.</summary>
    public static bool ExceedsPrecision(Int128 value, int precision)
    {
        var limit = Powers[precision];
        return value >= limit || value <= -limit;
    }

    public static Int128 Rescale(Int128 value, int fromScale, int toScale, out bool overflow)
    {
        overflow = false;
        if (toScale == fromScale)
        {
            return value;
        }

        if (toScale > fromScale)
        {
            return MultiplyChecked(value, Powers[toScale - fromScale], out overflow);
        }

        return DivideRound(value, Powers[fromScale - toScale]);
    }

    /// <summary>value / divisor rounded HALF_UP (divisor &gt; 0 or &lt; 0, non-zero).</summary>
    public static Int128 DivideRound(Int128 value, Int128 divisor)
    {
        var quotient = Int128.DivRem(value, divisor).Quotient;
        var remainder = value - (quotient * divisor);
        if (remainder != 0)
        {
            var twice = Int128.Abs(remainder);
            if (twice >= (Int128.Abs(divisor) - twice))
            {
                quotient += (value < 0) != (divisor < 0) ? -1 : 1;
            }
        }

        return quotient;
    }

    public static Int128 MultiplyChecked(Int128 a, Int128 b, out bool overflow)
    {
        overflow = false;
        try
        {
            return checked(a * b);
        }
        catch (OverflowException)
        {
            overflow = true;
            return 0;
        }
    }

    public static Int128 AddChecked(Int128 a, Int128 b, out bool overflow)
    {
        var r = unchecked(a + b);
        overflow = ((a ^ r) & (b ^ r)) < 0;
        return r;
    }

    /// <summary>(a × 10^-sa) × (b × 10^-sb) expressed at <paramref name="scale"/>.</summary>
    public static Int128 Multiply(Int128 a, int sa, Int128 b, int sb, int scale, out bool overflow)
    {
        var product = MultiplyChecked(a, b, out overflow);
        if (!overflow)
        {
            return Rescale(product, sa + sb, scale, out overflow);
        }

        var big = (BigInteger)a * b;
        return FromBig(RescaleBig(big, sa + sb, scale), out overflow);
    }

    /// <summary>(a × 10^-sa) / (b × 10^-sb) at <paramref name="scale"/>, HALF_UP; b must be non-zero.</summary>
    public static Int128 Divide(Int128 a, int sa, Int128 b, int sb, int scale, out bool overflow)
    {
        // a/b × 10^(sb - sa) = result × 10^-scale  →  result = a × 10^(scale - sa + sb) / b.
        var shift = scale - sa + sb;
        if (shift >= 0 && shift < Powers.Length)
        {
            var numerator = MultiplyChecked(a, Powers[shift], out overflow);
            if (!overflow)
            {
                return DivideRound(numerator, b);
            }
        }

        BigInteger num = a;
        BigInteger den = b;
        if (shift >= 0)
        {
            num *= BigInteger.Pow(10, shift);
        }
        else
        {
            den *= BigInteger.Pow(10, -shift);
        }

        return FromBig(DivideRoundBig(num, den), out overflow);
    }

    private static BigInteger RescaleBig(BigInteger value, int fromScale, int toScale) =>
        toScale >= fromScale ? value * BigInteger.Pow(10, toScale - fromScale) : DivideRoundBig(value, BigInteger.Pow(10, fromScale - toScale));

    private static BigInteger DivideRoundBig(BigInteger value, BigInteger divisor)
    {
        var quotient = BigInteger.DivRem(value, divisor, out var remainder);
        if (!remainder.IsZero && BigInteger.Abs(remainder) * 2 >= BigInteger.Abs(divisor))
        {
            quotient += (value.Sign < 0) != (divisor.Sign < 0) ? -1 : 1;
        }

        return quotient;
    }

    private static Int128 FromBig(BigInteger value, out bool overflow)
    {
        overflow = value > (BigInteger)Int128.MaxValue || value < (BigInteger)Int128.MinValue;
        return overflow ? 0 : (Int128)value;
    }

    private static Int128[] BuildPowers()
    {
        var powers = new Int128[39];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
