using System.Buffers.Binary;
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
    private const uint TrueWord = 't' | ('r' << 8) | ('u' << 16) | ((uint)'e' << 24);
    private const uint AlseWord = 'a' | ('l' << 8) | ('s' << 16) | ((uint)'e' << 24);

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
        return TryParseSimpleLong(s, out value)
            || (Utf8Parser.TryParse(s, out value, out var consumed) && consumed == s.Length && s.Length > 0);
    }

    /// <summary>The common case without <see cref="Utf8Parser"/>: an optional minus and 1 to 18 digits, which cannot overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseSimpleLong(ReadOnlySpan<byte> s, out long value)
    {
        value = 0;
        var i = s.Length > 0 && s[0] == (byte)'-' ? 1 : 0;
        if ((uint)(s.Length - i - 1) >= 18)
        {
            return false;
        }

        long v = 0;
        for (; i < s.Length; i++)
        {
            var d = (uint)(s[i] - '0');
            if (d > 9)
            {
                return false;
            }

            v = (v * 10) + d;
        }

        value = s[0] == (byte)'-' ? -v : v;
        return true;
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

    /// <summary>
    /// Clinger's fast path for plain <c>[-]digits[.digits]</c>: up to 15 digits in all (leading zeros count) make an
    /// exact integer mantissa and an exact power of ten, so one division gives the correctly rounded double. Anything
    /// else (more digits, an exponent, a leading <c>+</c>) is left to the exact parser.
    /// </summary>
    /// <remarks>Callers may try this before <see cref="TryParseDouble"/>: it needs no trimming (a space makes it fail).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseSimpleDouble(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        var negative = s.Length > 0 && s[0] == (byte)'-';
        var i = negative ? 1 : 0;
        var start = i;
        long mantissa = 0;
        uint d;
        while (i < s.Length && (d = (uint)(s[i] - '0')) <= 9)
        {
            mantissa = (mantissa * 10) + d;
            i++;
        }

        var digits = i - start;
        var fraction = 0;
        if (i < s.Length)
        {
            if (s[i] != (byte)'.')
            {
                return false;
            }

            var fractionStart = ++i;
            while (i < s.Length && (d = (uint)(s[i] - '0')) <= 9)
            {
                mantissa = (mantissa * 10) + d;
                i++;
            }

            if (i != s.Length)
            {
                return false;
            }

            fraction = i - fractionStart;
            digits += fraction;
        }

        if (digits is 0 or > 15)
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

    /// <summary><c>true</c>/<c>false</c> in any case, spaces and tabs around ignored.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseBoolean(ReadOnlySpan<byte> s, out bool value)
    {
        // Lower-case literals by length and one or two word compares (inlined); anything else takes the general path.
        if (s.Length == 4 && BinaryPrimitives.ReadUInt32LittleEndian(s) == TrueWord)
        {
            value = true;
            return true;
        }

        if (s.Length == 5 && s[0] == (byte)'f' && BinaryPrimitives.ReadUInt32LittleEndian(s[1..]) == AlseWord)
        {
            value = false;
            return true;
        }

        return TryParseBooleanAnyCase(s, out value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryParseBooleanAnyCase(ReadOnlySpan<byte> s, out bool value)
    {

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
