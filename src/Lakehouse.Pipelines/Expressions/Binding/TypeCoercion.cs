using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary>
/// Implicit conversions, Spark-style: numeric widening byte &lt; short &lt; int &lt; long &lt; decimal &lt; float &lt; double
/// (integers meet decimals as decimal(3|5|10|20, 0); decimals meet float/double as double), date widens to timestamp,
/// and in comparisons a string meets a date/timestamp as that type. Strings never meet numbers implicitly: use CAST.
/// </summary>
internal static class TypeCoercion
{
    public static bool IsNumeric(DataType t) => t.Kind is TypeKind.Byte or TypeKind.Short or TypeKind.Integer or TypeKind.Long
        or TypeKind.Float or TypeKind.Double or TypeKind.Decimal;

    public static bool IsIntegral(DataType t) => t.Kind is TypeKind.Byte or TypeKind.Short or TypeKind.Integer or TypeKind.Long;

    public static bool IsText(DataType t) => t.Kind == TypeKind.String;

    public static bool IsTemporal(DataType t) => t.Kind is TypeKind.Date or TypeKind.Timestamp;

    /// <summary>The decimal an integral (or decimal) type converts to without loss; null for other types.</summary>
    public static DecimalType? AsDecimal(DataType t) => t switch
    {
        DecimalType d => d,
        _ when t.Kind == TypeKind.Byte => new DecimalType(3, 0),
        _ when t.Kind == TypeKind.Short => new DecimalType(5, 0),
        _ when t.Kind == TypeKind.Integer => new DecimalType(10, 0),
        _ when t.Kind == TypeKind.Long => new DecimalType(20, 0),
        _ => null,
    };

    private static int Rank(TypeKind kind) => kind switch
    {
        TypeKind.Byte => 1,
        TypeKind.Short => 2,
        TypeKind.Integer => 3,
        TypeKind.Long => 4,
        TypeKind.Decimal => 5,
        TypeKind.Float => 6,
        TypeKind.Double => 7,
        _ => 0,
    };

    public static DataType? WiderNumeric(DataType a, DataType b)
    {
        if (!IsNumeric(a) || !IsNumeric(b))
        {
            return null;
        }

        if (a.Kind == TypeKind.Decimal || b.Kind == TypeKind.Decimal)
        {
            if (a.Kind is TypeKind.Float or TypeKind.Double || b.Kind is TypeKind.Float or TypeKind.Double)
            {
                return DataType.Double;
            }

            return WiderDecimal(AsDecimal(a)!, AsDecimal(b)!);
        }

        return Rank(a.Kind) >= Rank(b.Kind) ? a : b;
    }

    /// <summary>A decimal holding both: max integer digits + max scale, capped at 38 (scale kept when capping).</summary>
    public static DecimalType WiderDecimal(DecimalType a, DecimalType b)
    {
        var scale = Math.Max(a.Scale, b.Scale);
        var integerDigits = Math.Max(a.Precision - a.Scale, b.Precision - b.Scale);
        var precision = Math.Min(DecimalType.MaxPrecision, integerDigits + scale);
        return new DecimalType(precision, Math.Min(scale, precision));
    }

    /// <summary>The type CASE branches, coalesce arguments, greatest/least arguments are unified to; null when incompatible.</summary>
    public static DataType? CommonType(DataType a, DataType b)
    {
        if (Equals(a, b))
        {
            return a;
        }

        if (WiderNumeric(a, b) is { } numeric)
        {
            return numeric;
        }

        if (IsTemporal(a) && IsTemporal(b))
        {
            return DataType.Timestamp;
        }

        return null;
    }

    /// <summary>The type both sides of a comparison (or IN) are cast to; null when they cannot be compared.</summary>
    public static DataType? ComparisonType(DataType a, DataType b)
    {
        if (CommonType(a, b) is { } common)
        {
            return common.IsNested ? null : common;
        }

        if (IsText(a) && IsTemporal(b))
        {
            return b;
        }

        return IsText(b) && IsTemporal(a) ? a : null;
    }

    /// <summary>Whether an explicit CAST from <paramref name="from"/> to <paramref name="to"/> is allowed (Spark's Cast.canCast, primitives).</summary>
    public static bool CanCast(DataType from, DataType to)
    {
        if (Equals(from, to))
        {
            return true;
        }

        if (from.IsNested || to.IsNested)
        {
            return false;
        }

        return to.Kind switch
        {
            TypeKind.String => true,
            TypeKind.Binary => from.Kind is TypeKind.String or TypeKind.Binary,
            TypeKind.Boolean => IsNumeric(from) || IsText(from),
            TypeKind.Date => from.Kind is TypeKind.String or TypeKind.Timestamp,
            TypeKind.Timestamp => from.Kind is TypeKind.String or TypeKind.Date or TypeKind.Byte or TypeKind.Short or TypeKind.Integer or TypeKind.Long or TypeKind.Double,
            _ when IsNumeric(to) => IsNumeric(from) || from.Kind is TypeKind.Boolean or TypeKind.String
                || (from.Kind == TypeKind.Timestamp && to.Kind is TypeKind.Long or TypeKind.Double or TypeKind.Float),
            _ => false,
        };
    }

    /// <summary>Spark's bound on decimal results: precision above 38 gives up scale (down to 6) to keep integer digits.</summary>
    public static DecimalType Bounded(int precision, int scale)
    {
        if (precision <= DecimalType.MaxPrecision)
        {
            return new DecimalType(Math.Max(precision, 1), scale);
        }

        var integerDigits = precision - scale;
        var minScale = Math.Min(scale, 6);
        var adjusted = Math.Max(DecimalType.MaxPrecision - integerDigits, minScale);
        return new DecimalType(DecimalType.MaxPrecision, adjusted);
    }
}
