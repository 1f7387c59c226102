using System.Globalization;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

internal static partial class CastKernels
{
    private static PrimitiveColumn<int> ToInt32(EvalColumn source, long min, long max, in CastRequest request)
    {
        switch (source)
        {
            case PrimitiveColumn<bool> c:
                return Map(source, request, (int r, out int v) => { v = c.ValueAt(r) ? 1 : 0; return true; });
            case PrimitiveColumn<int> c when source.Type.Kind != TypeKind.Date:
                if (RangeOf(source.Type.Kind).Min >= min && RangeOf(source.Type.Kind).Max <= max)
                {
                    return new PrimitiveColumn<int>(request.Target, c.Values, c.Nulls, c.IsScalar);
                }

                return Map(source, request, (int r, out int v) => { v = c.ValueAt(r); return v >= min && v <= max; });
            default:
                var wide = ToInt64(source, request with { Target = DataType.Long, Reported = request.Target });
                return Map(wide, request, (int r, out int v) =>
                {
                    var x = wide.ValueAt(r);
                    v = (int)x;
                    return x >= min && x <= max;
                });
        }
    }

    private static (long Min, long Max) RangeOf(TypeKind kind) => kind switch
    {
        TypeKind.Byte => (sbyte.MinValue, sbyte.MaxValue),
        TypeKind.Short => (short.MinValue, short.MaxValue),
        _ => (int.MinValue, int.MaxValue),
    };

    private static PrimitiveColumn<long> ToInt64(EvalColumn source, in CastRequest request)
    {
        switch (source)
        {
            case PrimitiveColumn<bool> c:
                return Map(source, request, (int r, out long v) => { v = c.ValueAt(r) ? 1 : 0; return true; });
            case PrimitiveColumn<int> c when source.Type.Kind != TypeKind.Date:
                return Widen<int, long>(c, request.Target);
            case PrimitiveColumn<long> c when source.Type.Kind == TypeKind.Timestamp:
                return Map(source, request, (int r, out long v) => { v = (long)Math.Floor(c.ValueAt(r) / 1_000_000.0); return true; });
            case PrimitiveColumn<long> c:
                return new PrimitiveColumn<long>(request.Target, c.Values, c.Nulls, c.IsScalar);
            case PrimitiveColumn<float> c:
                return Map(source, request, (int r, out long v) => DoubleToLong(c.ValueAt(r), out v));
            case PrimitiveColumn<double> c:
                return Map(source, request, (int r, out long v) => DoubleToLong(c.ValueAt(r), out v));
            case PrimitiveColumn<Int128> c:
                var scale = ((DecimalType)source.Type).Scale;
                return Map(source, request, (int r, out long v) =>
                {
                    var truncated = c.ValueAt(r) / DecimalMath.Pow10(scale);
                    v = (long)truncated;
                    return truncated >= long.MinValue && truncated <= long.MaxValue;
                });
            case BinaryColumn c when source.Type.Kind == TypeKind.String:
                return Map(source, request, (int r, out long v) => long.TryParse(c.ValueAt(r).Trim((byte)' '), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v));
            default:
                throw Unsupported(source, request);
        }
    }

    private static bool DoubleToLong(double x, out long value)
    {
        var truncated = Math.Truncate(x);
        value = (long)truncated;
        return !double.IsNaN(x) && truncated >= -9.223372036854775808e18 && truncated < 9.223372036854775808e18;
    }

    private static PrimitiveColumn<T> ToFloating<T>(EvalColumn source, in CastRequest request)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        switch (source)
        {
            case PrimitiveColumn<bool> c:
                return Map(source, request, (int r, out T v) => { v = c.ValueAt(r) ? T.One : T.Zero; return true; });
            case PrimitiveColumn<int> c when source.Type.Kind != TypeKind.Date:
                return Widen<int, T>(c, request.Target);
            case PrimitiveColumn<long> c when source.Type.Kind == TypeKind.Timestamp:
                return Map(source, request, (int r, out T v) => { v = T.CreateTruncating(c.ValueAt(r) / 1_000_000.0); return true; });
            case PrimitiveColumn<long> c:
                return Widen<long, T>(c, request.Target);
            case PrimitiveColumn<float> c:
                return Widen<float, T>(c, request.Target);
            case PrimitiveColumn<double> c:
                return Widen<double, T>(c, request.Target);
            case PrimitiveColumn<Int128> c:
                var scale = ((DecimalType)source.Type).Scale;
                return Map(source, request, (int r, out T v) => { v = T.CreateTruncating(DecimalToDouble(c.ValueAt(r), scale)); return true; });
            case BinaryColumn c when source.Type.Kind == TypeKind.String:
                return Map(source, request, (int r, out T v) =>
                {
                    var ok = double.TryParse(c.ValueAt(r).Trim((byte)' '), NumberStyles.Float, CultureInfo.InvariantCulture, out var d);
                    v = T.CreateTruncating(d);
                    return ok;
                });
            default:
                throw Unsupported(source, request);
        }
    }

    internal static double DecimalToDouble(Int128 unscaled, int scale)
    {
        // Both operands exact in a double → the quotient is correctly rounded.
        if (Int128.Abs(unscaled) < ((Int128)1 << 53) && scale <= 22)
        {
            return (double)unscaled / Math.Pow(10, scale);
        }

        return double.Parse(new DecimalValue(unscaled, scale).ToString(), CultureInfo.InvariantCulture);
    }

    private static PrimitiveColumn<Int128> ToDecimal(EvalColumn source, in CastRequest request)
    {
        var target = (DecimalType)request.Target;
        var p = target.Precision;
        var s = target.Scale;
        switch (source)
        {
            case PrimitiveColumn<bool> c:
                return Map(source, request, (int r, out Int128 v) => { v = c.ValueAt(r) ? DecimalMath.Pow10(s) : 0; return !DecimalMath.ExceedsPrecision(v, p); });
            case PrimitiveColumn<int> c when source.Type.Kind != TypeKind.Date:
                return Map(source, request, (int r, out Int128 v) => FromIntegral(c.ValueAt(r), p, s, out v));
            case PrimitiveColumn<long> c when source.Type.Kind == TypeKind.Long:
                return Map(source, request, (int r, out Int128 v) => FromIntegral(c.ValueAt(r), p, s, out v));
            case PrimitiveColumn<float> c:
                return Map(source, request, (int r, out Int128 v) => FromDouble(c.ValueAt(r), p, s, out v));
            case PrimitiveColumn<double> c:
                return Map(source, request, (int r, out Int128 v) => FromDouble(c.ValueAt(r), p, s, out v));
            case PrimitiveColumn<Int128> c:
                var from = ((DecimalType)source.Type).Scale;
                return Map(source, request, (int r, out Int128 v) =>
                {
                    v = DecimalMath.Rescale(c.ValueAt(r), from, s, out var overflow);
                    return !overflow && !DecimalMath.ExceedsPrecision(v, p);
                });
            case BinaryColumn c when source.Type.Kind == TypeKind.String:
                return Map(source, request, (int r, out Int128 v) => TryParseDecimal(c.ValueAt(r), p, s, out v));
            default:
                throw Unsupported(source, request);
        }
    }

    private static bool FromIntegral(long value, int precision, int scale, out Int128 result)
    {
        result = DecimalMath.MultiplyChecked(value, DecimalMath.Pow10(scale), out var overflow);
        return !overflow && !DecimalMath.ExceedsPrecision(result, precision);
    }

    /// <summary>Through the shortest round-trip text (as Spark's BigDecimal(Double.toString)), so 1.005 → 1.01 at scale 2.</summary>
    private static bool FromDouble(double value, int precision, int scale, out Int128 result)
    {
        result = 0;
        if (!double.IsFinite(value))
        {
            return false;
        }

        Span<byte> text = stackalloc byte[40];
        return value.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture) && TryParseDecimal(text[..written], precision, scale, out result);
    }

    internal static bool TryParseDecimal(ReadOnlySpan<byte> utf8, int precision, int scale, out Int128 result)
    {
        result = 0;
        Span<char> chars = stackalloc char[Math.Min(utf8.Length, 256)];
        if (utf8.Length > 256 || System.Text.Encoding.UTF8.GetChars(utf8, chars) != utf8.Length)
        {
            return false;
        }

        if (DecimalValue.TryParse(chars, precision, scale, out var exact))
        {
            result = exact.Unscaled;
            return true;
        }

        // More fraction digits than the scale: parse at full scale, then round HALF_UP.
        var e = chars.IndexOfAny('e', 'E');
        var mantissa = e < 0 ? chars : chars[..e];
        var exponent = 0;
        if (e >= 0 && !int.TryParse(chars[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            return false;
        }

        var dot = mantissa.IndexOf('.');
        var fraction = Math.Max(0, (dot < 0 ? 0 : mantissa.TrimEnd(' ').Length - dot - 1) - exponent);
        var wideScale = Math.Min(DecimalType.MaxPrecision, Math.Max(scale, fraction));
        if (wideScale == scale || !DecimalValue.TryParse(chars, DecimalType.MaxPrecision, wideScale, out var wide))
        {
            return false;
        }

        result = DecimalMath.Rescale(wide.Unscaled, wideScale, scale, out var overflow);
        return !overflow && !DecimalMath.ExceedsPrecision(result, precision);
    }
}
