using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Writing;

/// <summary>Min/max/null count of one column of a data file; min/max only for types Spark records (not boolean, binary, nested).</summary>
internal sealed class LeafStats
{
    public LeafStats(DataType type, bool collectMinMax)
    {
        Type = type;
        CollectMinMax = collectMinMax && type.Kind is not (TypeKind.Boolean or TypeKind.Binary or TypeKind.Array or TypeKind.Map or TypeKind.Struct);
    }

    public DataType Type { get; }

    public bool CollectMinMax { get; }

    public long NullCount { get; set; }

    public long? MinLong { get; private set; }

    public long? MaxLong { get; private set; }

    public double? MinDouble { get; private set; }

    public double? MaxDouble { get; private set; }

    public Int128? MinDecimal { get; private set; }

    public Int128? MaxDecimal { get; private set; }

    public byte[]? MinBytes { get; private set; }

    public byte[]? MaxBytes { get; private set; }

    /// <summary>Set when a value (NaN, infinity) makes min/max unrepresentable in JSON: no bounds are written.</summary>
    public bool Poisoned { get; set; }

    /// <summary>
    /// Takes the column's stats from what the Parquet writer recorded for this leaf over the whole file (bounds in the
    /// boxed form of <see cref="ColumnVector.GetValue"/>), so no second pass over the values is needed. A NaN or an
    /// infinite bound leaves the column without bounds (JSON cannot hold them).
    /// </summary>
    public void SetFromFile(object? min, object? max, long nullCount, long nanCount)
    {
        NullCount = nullCount;
        if (!CollectMinMax || min is null || max is null)
        {
            return;
        }

        if (nanCount > 0)
        {
            Poisoned = true;
            return;
        }

        switch (min, max)
        {
            case (long a, long b):
                (MinLong, MaxLong) = (a, b);
                break;
            case (int a, int b):
                (MinLong, MaxLong) = (a, b);
                break;
            case (short a, short b):
                (MinLong, MaxLong) = (a, b);
                break;
            case (sbyte a, sbyte b):
                (MinLong, MaxLong) = (a, b);
                break;
            case (DateOnly a, DateOnly b):
                (MinLong, MaxLong) = (a.DayNumber - Int32Vector.UnixEpochDayNumber, b.DayNumber - Int32Vector.UnixEpochDayNumber);
                break;
            case (DateTime a, DateTime b):
                (MinLong, MaxLong) = (Int64Vector.ToUnixMicros(a), Int64Vector.ToUnixMicros(b));
                break;
            case (double a, double b):
                SetDoubles(a, b);
                break;
            case (float a, float b):
                SetDoubles(a, b);
                break;
            case (DecimalValue a, DecimalValue b):
                (MinDecimal, MaxDecimal) = (a.Unscaled, b.Unscaled);
                break;
            case (string a, string b):
                (MinBytes, MaxBytes) = (System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));
                break;
        }
    }

    private void SetDoubles(double min, double max)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            Poisoned = true;
            return;
        }

        (MinDouble, MaxDouble) = (min, max);
    }

    public bool HasBounds => !Poisoned && (MinLong is not null || MinDouble is not null || MinDecimal is not null || MinBytes is not null);
}
