using System.Globalization;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>
/// Java's <c>Double.toString</c> / <c>Float.toString</c> forms, which Spark uses for CAST(double AS string):
/// plain notation with at least one fraction digit for 1e-3 &lt;= |x| &lt; 1e7 (<c>1.0</c>, <c>0.001</c>),
/// otherwise <c>d.dddE±n</c> (<c>1.0E7</c>, <c>1.5E-4</c>); <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.
/// </summary>
internal static class NumberText
{
    public static string Format(double value, bool isFloat)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // Shortest round-trip digits, then re-laid out the Java way.
        var round = isFloat ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);

        var negative = round.StartsWith('-');
        if (negative)
        {
            round = round[1..];
        }

        var exponent = 0;
        var e = round.IndexOfAny(['E', 'e']);
        var mantissa = e >= 0 ? round[..e] : round;
        if (e >= 0)
        {
            exponent = int.Parse(round[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot >= 0 ? mantissa.Remove(dot, 1) : mantissa;
        var pointPos = (dot >= 0 ? dot : mantissa.Length) + exponent;
        var trimmed = digits.TrimStart('0');
        pointPos -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var magnitude = Math.Abs(value);
        string text;
        if (magnitude >= 1e-3 && magnitude < 1e7)
        {
            if (pointPos <= 0)
            {
                text = "0." + new string('0', -pointPos) + digits;
            }
            else if (pointPos >= digits.Length)
            {
                text = digits + new string('0', pointPos - digits.Length) + ".0";
            }
            else
            {
                text = digits[..pointPos] + "." + digits[pointPos..];
            }
        }
        else
        {
            var fraction = digits.Length > 1 ? digits[1..] : "0";
            text = $"{digits[0]}.{fraction}E{pointPos - 1}";
        }

        return negative ? "-" + text : text;
    }
}
