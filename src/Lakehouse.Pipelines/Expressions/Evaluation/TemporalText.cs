namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>
/// Spark's text forms of dates and timestamps (UTC session time zone). Parsing accepts what Spark's CAST accepts:
/// <c>yyyy</c>, <c>yyyy-[m]m</c>, <c>yyyy-[m]m-[d]d</c>, optionally followed (for timestamps) by <c>' '</c> or <c>T</c>,
/// <c>[h]h:[m]m[:[s]s[.fraction]]</c> and a zone (<c>Z</c>, <c>UTC</c>, <c>±hh[:mm]</c>).
/// </summary>
internal static class TemporalText
{
    public const long MicrosPerDay = 86_400_000_000L;

    public static bool TryParseDate(ReadOnlySpan<byte> text, out int days)
    {
        days = 0;
        text = Trim(text);
        var pos = 0;
        if (!TryParseDatePart(text, ref pos, out var date))
        {
            return false;
        }

        // A date may be followed by a time part, which CAST to date ignores.
        if (pos < text.Length && text[pos] is not ((byte)' ' or (byte)'T'))
        {
            return false;
        }

        days = date.DayNumber - EpochDayNumber;
        return true;
    }

    public static bool TryParseTimestamp(ReadOnlySpan<byte> text, out long micros)
    {
        micros = 0;
        text = Trim(text);
        var pos = 0;
        if (!TryParseDatePart(text, ref pos, out var date))
        {
            return false;
        }

        long timeMicros = 0;
        long offsetMicros = 0;
        if (pos < text.Length)
        {
            if (text[pos] is not ((byte)' ' or (byte)'T'))
            {
                return false;
            }

            pos++;
            if (!TryParseNumber(text, ref pos, 1, 2, out var hour) || !Expect(text, ref pos, (byte)':')
                || !TryParseNumber(text, ref pos, 1, 2, out var minute))
            {
                return false;
            }

            var second = 0;
            long fraction = 0;
            if (pos < text.Length && text[pos] == ':')
            {
                pos++;
                if (!TryParseNumber(text, ref pos, 1, 2, out second))
                {
                    return false;
                }

                if (pos < text.Length && text[pos] == '.')
                {
                    pos++;
                    var digits = 0;
                    while (pos < text.Length && char.IsAsciiDigit((char)text[pos]))
                    {
                        if (digits < 6)
                        {
                            fraction = (fraction * 10) + (text[pos] - '0');
                        }

                        digits++;
                        pos++;
                    }

                    for (; digits < 6; digits++)
                    {
                        fraction *= 10;
                    }
                }
            }

            if (hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            timeMicros = (((hour * 60L) + minute) * 60L + second) * 1_000_000L + fraction;
            if (!TryParseZone(text[pos..], out offsetMicros))
            {
                return false;
            }
        }

        micros = ((date.DayNumber - EpochDayNumber) * MicrosPerDay) + timeMicros - offsetMicros;
        return true;
    }

    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    public static DateOnly ToDate(int days) => DateOnly.FromDayNumber(EpochDayNumber + days);

    public static int FromDate(DateOnly date) => date.DayNumber - EpochDayNumber;

    public static int FloorDays(long micros) => (int)Math.Floor(micros / (double)MicrosPerDay);

    public static DateTime ToDateTime(long micros) => DateTime.UnixEpoch.AddTicks(micros * 10);

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public static int FormatDate(int days, Span<byte> destination)
    {
        var d = ToDate(days);
        return Write(destination, $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}");
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss[.ffffff]</c> with trailing fraction zeros removed, as Spark prints timestamps.</summary>
    public static int FormatTimestamp(long micros, Span<byte> destination)
    {
        var t = ToDateTime(micros);
        var fraction = (int)(((micros % 1_000_000) + 1_000_000) % 1_000_000);
        var text = $"{t.Year:D4}-{t.Month:D2}-{t.Day:D2} {t.Hour:D2}:{t.Minute:D2}:{t.Second:D2}";
        if (fraction != 0)
        {
            text += "." + fraction.ToString("D6", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return Write(destination, text);
    }

    private static int Write(Span<byte> destination, string text) => System.Text.Encoding.ASCII.GetBytes(text, destination);

    private static bool TryParseDatePart(ReadOnlySpan<byte> text, ref int pos, out DateOnly date)
    {
        date = default;
        var sign = 1;
        if (pos < text.Length && text[pos] is (byte)'-' or (byte)'+')
        {
            sign = text[pos] == '-' ? -1 : 1;
            pos++;
        }

        if (!TryParseNumber(text, ref pos, 4, 6, out var year))
        {
            return false;
        }

        var month = 1;
        var day = 1;
        if (pos < text.Length && text[pos] == '-')
        {
            pos++;
            if (!TryParseNumber(text, ref pos, 1, 2, out month))
            {
                return false;
            }

            if (pos < text.Length && text[pos] == '-')
            {
                pos++;
                if (!TryParseNumber(text, ref pos, 1, 2, out day))
                {
                    return false;
                }
            }
        }

        year *= sign;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryParseZone(ReadOnlySpan<byte> zone, out long offsetMicros)
    {
        offsetMicros = 0;
        zone = Trim(zone);
        if (zone.IsEmpty || zone.SequenceEqual("Z"u8) || zone.SequenceEqual("UTC"u8))
        {
            return true;
        }

        if (zone[0] is not ((byte)'+' or (byte)'-'))
        {
            return false;
        }

        var sign = zone[0] == '-' ? -1 : 1;
        var pos = 1;
        if (!TryParseNumber(zone, ref pos, 1, 2, out var hours))
        {
            return false;
        }

        var minutes = 0;
        if (pos < zone.Length)
        {
            if (zone[pos] == ':')
            {
                pos++;
            }

            if (!TryParseNumber(zone, ref pos, 2, 2, out minutes) || pos != zone.Length)
            {
                return false;
            }
        }

        offsetMicros = sign * ((hours * 60L) + minutes) * 60_000_000L;
        return hours <= 18 && minutes < 60;
    }

    private static bool TryParseNumber(ReadOnlySpan<byte> text, ref int pos, int minDigits, int maxDigits, out int value)
    {
        value = 0;
        var start = pos;
        while (pos < text.Length && pos - start < maxDigits && char.IsAsciiDigit((char)text[pos]))
        {
            value = (value * 10) + (text[pos] - '0');
            pos++;
        }

        return pos - start >= minDigits;
    }

    private static bool Expect(ReadOnlySpan<byte> text, ref int pos, byte c)
    {
        if (pos < text.Length && text[pos] == c)
        {
            pos++;
            return true;
        }

        return false;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> text) => text.Trim((byte)' ');
}
