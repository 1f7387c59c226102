using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;

namespace Lakehouse.Pipelines.Sources.Text;

/// <summary>
/// Parses typed values straight from UTF-8 bytes (no strings on the hot path). Every parser consumes the whole span
/// or fails; none rounds or truncates a value it cannot represent exactly, except timestamp fractions beyond
/// microseconds (our timestamp precision) which are truncated.
/// </summary>
internal static partial class Utf8Values
{
    private static readonly double[] PowersOf10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>ASCII spaces and tabs around a non-string value are ignored.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        if (s.Length > 0 && (s[0] is (byte)' ' or (byte)'\t' || s[^1] is (byte)' ' or (byte)'\t'))
        {
            s = s.Trim(" \t"u8);
        }

        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseLong(ReadOnlySpan<byte> s, out long value)
    {
        s = Trim(s);
        return Utf8Parser.TryParse(s, out value, out var consumed) && consumed == s.Length && s.Length > 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseInt(ReadOnlySpan<byte> s, long min, long max, out int value)
    {
        if (TryParseLong(s, out var v) && v >= min && v <= max)
        {
            value = (int)v;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Plain and exponent notation, <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>. Out-of-range magnitudes fail instead of becoming infinity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDouble(ReadOnlySpan<byte> s, out double value)
    {
        s = Trim(s);
        if (TryParseSimpleDouble(s, out value))
        {
            return true;
        }

        if (!Utf8Parser.TryParse(s, out value, out var consumed) || consumed != s.Length || s.Length == 0)
        {
            return TryParseSpecialDouble(s, out value);
        }

        // Utf8Parser maps overflow to infinity; an overflowing literal does not fit a double.
        return !double.IsInfinity(value) || s.IndexOfAny("Ii"u8) >= 0;
    }

    private static bool TryParseSpecialDouble(ReadOnlySpan<byte> s, out double value)
    {
        var negative = s.Length > 0 && s[0] == (byte)'-';
        var body = s.Length > 0 && s[0] is (byte)'-' or (byte)'+' ? s[1..] : s;
        if (Ascii.EqualsIgnoreCase(body, "nan"u8))
        {
            value = double.NaN;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(body, "infinity"u8) || Ascii.EqualsIgnoreCase(body, "inf"u8))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Clinger's fast path: up to 15 significant digits and 22 fraction digits convert exactly with one division.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseSimpleDouble(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && s[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        long mantissa = 0;
        var digits = 0;
        var fraction = -1;
        for (; i < s.Length; i++)
        {
            var d = (uint)(s[i] - '0');
            if (d <= 9)
            {
                mantissa = (mantissa * 10) + d;
                digits++;
                if (fraction >= 0)
                {
                    fraction++;
                }
            }
            else if (s[i] == (byte)'.' && fraction < 0)
            {
                fraction = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || digits > 15)
        {
            return false;
        }

        var result = (double)mantissa;
        if (fraction > 0)
        {
            result /= PowersOf10[fraction];
        }

        value = negative ? -result : result;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseBoolean(ReadOnlySpan<byte> s, out bool value)
    {
        if (s.SequenceEqual("true"u8))
        {
            value = true;
            return true;
        }

        if (s.SequenceEqual("false"u8))
        {
            value = false;
            return true;
        }

        s = Trim(s);
        if (Ascii.EqualsIgnoreCase(s, "true"u8))
        {
            value = true;
            return true;
        }

        value = false;
        return Ascii.EqualsIgnoreCase(s, "false"u8);
    }
}
