using System.Text;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Functions;

/// <summary>
/// A Spark datetime pattern (subset): <c>yyyy yy MM M dd d HH H mm m ss s SSS SSSSSS</c>, quoted literals
/// (<c>'T'</c>) and any other punctuation as literal text. Used by date_format, to_date and to_timestamp.
/// </summary>
internal sealed class DateTimePattern
{
    private readonly List<(char Field, int Width, string Literal)> _parts = [];

    private DateTimePattern(string pattern)
    {
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                var end = pattern.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new FormatException($"unterminated quote in datetime pattern '{pattern}'");
                }

                _parts.Add(('\0', 0, end == i + 1 ? "'" : pattern[(i + 1)..end]));
                i = end + 1;
                continue;
            }

            if (char.IsAsciiLetter(c))
            {
                var run = 1;
                while (i + run < pattern.Length && pattern[i + run] == c)
                {
                    run++;
                }

                if (c is not ('y' or 'M' or 'd' or 'H' or 'm' or 's' or 'S'))
                {
                    throw new FormatException($"unsupported letter '{c}' in datetime pattern '{pattern}' (supported: y M d H m s S; quote literal text with '...')");
                }

                _parts.Add((c, run, string.Empty));
                i += run;
                continue;
            }

            _parts.Add(('\0', 0, c.ToString()));
            i++;
        }
    }

    public static DateTimePattern Compile(string pattern) => new(pattern);

    public string Format(long micros)
    {
        var t = TemporalText.ToDateTime(micros);
        var fraction = ((micros % 1_000_000) + 1_000_000) % 1_000_000;
        var sb = new StringBuilder();
        foreach (var (field, width, literal) in _parts)
        {
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            switch (field)
            {
                case '\0': sb.Append(literal); break;
                case 'y': sb.Append(width == 2 ? (t.Year % 100).ToString("D2", ci) : t.Year.ToString("D" + width, ci)); break;
                case 'M': sb.Append(t.Month.ToString("D" + width, ci)); break;
                case 'd': sb.Append(t.Day.ToString("D" + width, ci)); break;
                case 'H': sb.Append(t.Hour.ToString("D" + width, ci)); break;
                case 'm': sb.Append(t.Minute.ToString("D" + width, ci)); break;
                case 's': sb.Append(t.Second.ToString("D" + width, ci)); break;
                default: sb.Append(fraction.ToString("D6", ci)[..Math.Min(width, 6)].PadRight(width, '0')); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Parses text that matches the pattern exactly (surrounding spaces ignored); missing fields default to 1970-01-01 00:00:00.</summary>
    public bool TryParse(ReadOnlySpan<byte> utf8, out long micros)
    {
        micros = 0;
        var text = utf8.Trim((byte)' ');
        int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
        long fraction = 0;
        var pos = 0;
        for (var p = 0; p < _parts.Count; p++)
        {
            var (field, width, literal) = _parts[p];
            if (field == '\0')
            {
                var bytes = Encoding.UTF8.GetBytes(literal);
                if (!text[pos..].StartsWith(bytes))
                {
                    return false;
                }

                pos += bytes.Length;
                continue;
            }

            // A one-letter field takes 1-2 digits (more for years); a longer one takes exactly its width,
            // unless it is the last field or followed by a literal.
            var adjacentField = p + 1 < _parts.Count && _parts[p + 1].Field != '\0';
            var max = field == 'y' && width != 2 ? (adjacentField ? 4 : 9) : field == 'S' ? width : (width == 1 && !adjacentField ? 2 : Math.Max(width, 2));
            if (adjacentField && field != 'y')
            {
                max = width;
            }

            var start = pos;
            long value = 0;
            while (pos < text.Length && pos - start < max && char.IsAsciiDigit((char)text[pos]))
            {
                value = (value * 10) + (text[pos] - '0');
                pos++;
            }

            var digits = pos - start;
            if (digits == 0 || (width > 1 && field != 'y' && field != 'S' && digits != width))
            {
                return false;
            }

            switch (field)
            {
                case 'y': year = width == 2 ? 2000 + (int)value : (int)value; break;
                case 'M': month = (int)value; break;
                case 'd': day = (int)value; break;
                case 'H': hour = (int)value; break;
                case 'm': minute = (int)value; break;
                case 's': second = (int)value; break;
                default:
                    fraction = value;
                    for (var d = digits; d < 6; d++)
                    {
                        fraction *= 10;
                    }

                    break;
            }
        }

        if (pos != text.Length || year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var days = TemporalText.FromDate(new DateOnly(year, month, day));
        micros = (days * TemporalText.MicrosPerDay) + ((((hour * 60L) + minute) * 60L) + second) * 1_000_000L + fraction;
        return true;
    }
}
