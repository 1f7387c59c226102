using System.Runtime.CompilerServices;

namespace Lakehouse.Pipelines.Sources.Text;

internal static partial class Utf8Values
{
    private const long MicrosPerSecond = 1_000_000;
    private const long MicrosPerDay = 86_400 * MicrosPerSecond;

    /// <summary><c>yyyy-MM-dd</c> → days since 1970-01-01.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseDate(ReadOnlySpan<byte> s, out int days)
    {
        s = Trim(s);
        days = 0;
        return s.Length == 10 && TryDatePart(s, out days);
    }

    /// <summary>
    /// ISO-8601 <c>yyyy-MM-dd[(T| )HH:mm[:ss[.fraction]]][Z|±HH[:mm]]</c> → microseconds since the epoch, UTC.
    /// No zone means UTC; a date alone is midnight UTC; fractions past microseconds are truncated.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseTimestamp(ReadOnlySpan<byte> s, out long micros)
    {
        s = Trim(s);
        micros = 0;
        if (s.Length < 10 || !TryDatePart(s, out var days))
        {
            return false;
        }

        micros = days * MicrosPerDay;
        if (s.Length == 10)
        {
            return true;
        }

        if (s[10] is not ((byte)'T' or (byte)'t' or (byte)' ') || s.Length < 16 || s[13] != (byte)':')
        {
            return false;
        }

        if (!TwoDigits(s, 11, out var hour) || !TwoDigits(s, 14, out var minute) || hour > 23 || minute > 59)
        {
            return false;
        }

        long time = ((hour * 60L) + minute) * 60 * MicrosPerSecond;
        var i = 16;
        if (i < s.Length && s[i] == (byte)':')
        {
            if (!TwoDigits(s, i + 1, out var second) || second > 59)
            {
                return false;
            }

            time += second * MicrosPerSecond;
            i += 3;
            if (i < s.Length && s[i] is (byte)'.' or (byte)',')
            {
                i++;
                var start = i;
                long fraction = 0;
                while (i < s.Length && (uint)(s[i] - '0') <= 9)
                {
                    if (i - start < 6)
                    {
                        fraction = (fraction * 10) + (s[i] - '0');
                    }

                    i++;
                }

                var count = i - start;
                if (count == 0)
                {
                    return false;
                }

                for (var k = count; k < 6; k++)
                {
                    fraction *= 10;
                }

                time += fraction;
            }
        }

        micros += time;
        if (i == s.Length)
        {
            return true;
        }

        if (s[i] is (byte)'Z' or (byte)'z')
        {
            return i + 1 == s.Length;
        }

        if (s[i] is not ((byte)'+' or (byte)'-'))
        {
            return false;
        }

        var sign = s[i] == (byte)'-' ? -1 : 1;
        if (!TwoDigits(s, i + 1, out var offsetHours) || offsetHours > 18)
        {
            return false;
        }

        i += 3;
        var offsetMinutes = 0;
        if (i < s.Length)
        {
            if (s[i] == (byte)':')
            {
                i++;
            }

            if (!TwoDigits(s, i, out offsetMinutes) || offsetMinutes > 59 || i + 2 != s.Length)
            {
                return false;
            }
        }

        micros -= sign * ((offsetHours * 60L) + offsetMinutes) * 60 * MicrosPerSecond;
        return true;
    }

    /// <summary><c>yyyy-MM-dd</c> at the start of <paramref name="s"/> (at least 10 bytes), by fixed positions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDatePart(ReadOnlySpan<byte> s, out int days)
    {
        days = 0;
        if (s.Length < 10 || s[4] != (byte)'-' || s[7] != (byte)'-')
        {
            return false;
        }

        uint y0 = (uint)(s[0] - '0'), y1 = (uint)(s[1] - '0'), y2 = (uint)(s[2] - '0'), y3 = (uint)(s[3] - '0');
        uint m0 = (uint)(s[5] - '0'), m1 = (uint)(s[6] - '0'), d0 = (uint)(s[8] - '0'), d1 = (uint)(s[9] - '0');
        if ((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (m0 > 9) | (m1 > 9) | (d0 > 9) | (d1 > 9))
        {
            return false;
        }

        var year = (int)((y0 * 1000) + (y1 * 100) + (y2 * 10) + y3);
        var month = (int)((m0 * 10) + m1);
        var day = (int)((d0 * 10) + d1);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month))
        {
            return false;
        }

        days = DaysFromCivil(year, month, day);
        return true;
    }

    /// <summary>Days in <paramref name="month"/> (1-12) of <paramref name="year"/> (1-9999), proleptic Gregorian.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DaysInMonth(int year, int month) =>
        month == 2
            ? (IsLeapYear((uint)year) ? 29 : 28)
            : 30 + ((month + (month >> 3)) & 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLeapYear(uint year) => (year & 3) == 0 && (year % 100 != 0 || (year & 15) == 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TwoDigits(ReadOnlySpan<byte> s, int at, out int value)
    {
        value = 0;
        if (at + 1 >= s.Length)
        {
            return false;
        }

        var a = (uint)(s[at] - '0');
        var b = (uint)(s[at + 1] - '0');
        if (a > 9 || b > 9)
        {
            return false;
        }

        value = (int)((a * 10) + b);
        return true;
    }

    /// <summary>Howard Hinnant's days_from_civil: proleptic Gregorian date (year 1-9999) → days since 1970-01-01.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DaysFromCivil(int year, int month, int day)
    {
        // Years start in March; with year >= 1 the shifted year is never negative, so unsigned division is exact.
        var y = (uint)(year - (month <= 2 ? 1 : 0));
        var era = y / 400;
        var yoe = y - (era * 400);
        var doy = ((153 * (uint)(month + (month > 2 ? -3 : 9))) + 2) / 5 + (uint)day - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (int)((era * 146097) + doe) - 719468;
    }
}
