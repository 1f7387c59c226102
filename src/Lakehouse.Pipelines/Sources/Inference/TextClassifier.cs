using Lakehouse.Pipelines.Sources.Text;

namespace Lakehouse.Pipelines.Sources.Inference;

/// <summary>Classifies sampled text values (CSV fields, JSON strings and number literals) for type inference.</summary>
internal static class TextClassifier
{
    /// <summary>The shape of a CSV field (any kind).</summary>
    public static ValueShape Classify(ReadOnlySpan<byte> text)
    {
        var s = Utf8Values.Trim(text);
        if (s.IsEmpty)
        {
            return ValueShape.String;
        }

        var number = ClassifyNumber(s);
        if (number.Kind != ShapeKind.String)
        {
            return number;
        }

        if (Utf8Values.TryParseBoolean(s, out _))
        {
            return ValueShape.Boolean;
        }

        return ClassifyTemporal(s);
    }

    /// <summary>The shape of a JSON string: date, timestamp or string (JSON strings never become numbers).</summary>
    public static ValueShape ClassifyTemporal(ReadOnlySpan<byte> s)
    {
        if (s.Length >= 10 && s[4] == (byte)'-')
        {
            if (s.Length == 10 && Utf8Values.TryParseDate(s, out _))
            {
                return ValueShape.Date;
            }

            if (s.Length > 10 && Utf8Values.TryParseTimestamp(s, out _))
            {
                return ValueShape.Timestamp;
            }
        }

        return ValueShape.String;
    }

    /// <summary>
    /// Integer, Fixed or Double for a number literal, String otherwise. Integers with a leading zero
    /// (<c>007</c>, zip codes) are String so identifiers keep their digits.
    /// </summary>
    public static ValueShape ClassifyNumber(ReadOnlySpan<byte> s)
    {
        var i = 0;
        if (s.Length > 0 && s[0] is (byte)'-' or (byte)'+')
        {
            i = 1;
        }

        var intStart = i;
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
        {
            i++;
        }

        var intDigits = i - intStart;
        if (i == s.Length)
        {
            if (intDigits == 0)
            {
                return ValueShape.String;
            }

            if (intDigits > 1 && s[intStart] == (byte)'0')
            {
                return ValueShape.String;
            }

            return new ValueShape(ShapeKind.Integer, intDigits, 0, intDigits >= 19 && !Utf8Values.TryParseLong(s, out _));
        }

        if (s[i] == (byte)'.')
        {
            i++;
            var fracStart = i;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                i++;
            }

            var fracDigits = i - fracStart;
            if (intDigits + fracDigits == 0 || (intDigits > 1 && s[intStart] == (byte)'0'))
            {
                return ValueShape.String;
            }

            if (i == s.Length)
            {
                return fracDigits == 0 ? new ValueShape(ShapeKind.Integer, intDigits) : new ValueShape(ShapeKind.Fixed, intDigits, fracDigits);
            }
        }

        if (i < s.Length && s[i] is (byte)'e' or (byte)'E' && intDigits > 0)
        {
            return Utf8Values.TryParseDouble(s, out _) ? ValueShape.Double : ValueShape.String;
        }

        var body = s[intStart..];
        return body.SequenceEqual("NaN"u8) || body.SequenceEqual("Infinity"u8) ? ValueShape.Double : ValueShape.String;
    }
}
