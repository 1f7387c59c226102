using System.Globalization;
using System.Numerics;

namespace Lakehouse.Parquet.Data;

/// <summary>An exact decimal: <c>Unscaled × 10^-Scale</c>, covering all 38 digits of decimal(38, s).</summary>
public readonly record struct DecimalValue(Int128 Unscaled, int Scale) : IComparable<DecimalValue>
{
    /// <summary>Canonical text: plain notation with exactly <see cref="Scale"/> fraction digits (<c>-12.30</c>).</summary>
    public override string ToString()
    {
        var negative = Unscaled < 0;
        var digits = (negative ? -(BigInteger)Unscaled : (BigInteger)Unscaled).ToString(CultureInfo.InvariantCulture);
        if (Scale > 0)
        {
            digits = digits.PadLeft(Scale + 1, '0');
            digits = string.Concat(digits.AsSpan(0, digits.Length - Scale), ".", digits.AsSpan(digits.Length - Scale));
        }

        return negative ? "-" + digits : digits;
    }

    /// <summary>Parses plain or exponent notation exactly into the given scale; false if digits would be lost or it overflows precision.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, int precision, int scale, out DecimalValue value)
    {
        value = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        var negative = false;
        if (text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOfAny('e', 'E');
        if (e >= 0)
        {
            if (!int.TryParse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return false;
            }

            text = text[..e];
        }

        BigInteger unscaled = BigInteger.Zero;
        var fractionDigits = 0;
        var seenDot = false;
        var anyDigit = false;
        foreach (var c in text)
        {
            if (c == '.' && !seenDot)
            {
                seenDot = true;
                continue;
            }

            if (c is < '0' or > '9')
            {
                return false;
            }

            anyDigit = true;
            unscaled = (unscaled * 10) + (c - '0');
            if (seenDot)
            {
                fractionDigits++;
            }
        }

        if (!anyDigit)
        {
            return false;
        }

        var shift = scale - (fractionDigits - exponent);
        if (shift >= 0)
        {
            unscaled *= BigInteger.Pow(10, shift);
        }
        else
        {
            var divisor = BigInteger.Pow(10, -shift);
            var quotient = BigInteger.DivRem(unscaled, divisor, out var remainder);
            if (!remainder.IsZero)
            {
                return false;
            }

            unscaled = quotient;
        }

        if (BigInteger.Abs(unscaled) >= BigInteger.Pow(10, precision))
        {
            return false;
        }

        value = new DecimalValue((Int128)(negative ? -unscaled : unscaled), scale);
        return true;
    }

    public int CompareTo(DecimalValue other)
    {
        if (Scale == other.Scale)
        {
            return Unscaled.CompareTo(other.Unscaled);
        }

        var a = (BigInteger)Unscaled * BigInteger.Pow(10, Math.Max(0, other.Scale - Scale));
        var b = (BigInteger)other.Unscaled * BigInteger.Pow(10, Math.Max(0, Scale - other.Scale));
        return a.CompareTo(b);
    }

    public static bool operator <(DecimalValue left, DecimalValue right) => left.CompareTo(right) < 0;

    public static bool operator >(DecimalValue left, DecimalValue right) => left.CompareTo(right) > 0;

    public static bool operator <=(DecimalValue left, DecimalValue right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DecimalValue left, DecimalValue right) => left.CompareTo(right) >= 0;
}
