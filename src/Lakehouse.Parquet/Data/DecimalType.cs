namespace Lakehouse.Parquet.Data;

/// <summary>decimal(precision, scale) with 1 &lt;= precision &lt;= 38 and 0 &lt;= scale &lt;= precision.</summary>
public sealed record DecimalType : DataType
{
    public const int MaxPrecision = 38;

    public DecimalType(int precision, int scale)
        : base(TypeKind.Decimal)
    {
        if (precision is < 1 or > MaxPrecision)
        {
            throw new ArgumentOutOfRangeException(nameof(precision), precision, "Decimal precision must be between 1 and 38.");
        }

        if (scale < 0 || scale > precision)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"Decimal scale must be between 0 and the precision ({precision}).");
        }

        Precision = precision;
        Scale = scale;
    }

    public int Precision { get; }

    public int Scale { get; }

    public override string SimpleName => $"decimal({Precision},{Scale})";

    public override string ToString() => SimpleName;
}
