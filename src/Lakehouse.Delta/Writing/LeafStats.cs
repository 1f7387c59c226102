using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Writing;

/// <summary>Running min/max/null count of one column; min/max only for types Spark records (not boolean, binary, nested).</summary>
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

    public void Add(ColumnVector vector)
    {
        NullCount += vector.NullCount;
        if (!CollectMinMax || Poisoned)
        {
            return;
        }

        switch (vector)
        {
            case Int32Vector v:
                var span32 = v.Values;
                for (var i = 0; i < span32.Length; i++)
                {
                    if (!v.IsNull(i))
                    {
                        Observe(span32[i]);
                    }
                }

                break;
            case Int64Vector v:
                var span64 = v.Values;
                for (var i = 0; i < span64.Length; i++)
                {
                    if (!v.IsNull(i))
                    {
                        Observe(span64[i]);
                    }
                }

                break;
            case DoubleVector v:
                for (var i = 0; i < v.Count; i++)
                {
                    if (!v.IsNull(i))
                    {
                        Observe(v[i]);
                    }
                }

                break;
            case FloatVector v:
                for (var i = 0; i < v.Count; i++)
                {
                    if (!v.IsNull(i))
                    {
                        Observe(v[i]);
                    }
                }

                break;
            case DecimalVector v:
                for (var i = 0; i < v.Count; i++)
                {
                    if (!v.IsNull(i))
                    {
                        var d = v[i];
                        MinDecimal = MinDecimal is null || d < MinDecimal ? d : MinDecimal;
                        MaxDecimal = MaxDecimal is null || d > MaxDecimal ? d : MaxDecimal;
                    }
                }

                break;
            case BinaryVector v:
                for (var i = 0; i < v.Count; i++)
                {
                    if (!v.IsNull(i))
                    {
                        var bytes = v.GetBytes(i);
                        if (MinBytes is null || bytes.SequenceCompareTo(MinBytes) < 0)
                        {
                            MinBytes = bytes.ToArray();
                        }

                        if (MaxBytes is null || bytes.SequenceCompareTo(MaxBytes) > 0)
                        {
                            MaxBytes = bytes.ToArray();
                        }
                    }
                }

                break;
        }
    }

    private void Observe(long value)
    {
        MinLong = MinLong is null || value < MinLong ? value : MinLong;
        MaxLong = MaxLong is null || value > MaxLong ? value : MaxLong;
    }

    private void Observe(double value)
    {
        if (!double.IsFinite(value))
        {
            Poisoned = true;
            return;
        }

        MinDouble = MinDouble is null || value < MinDouble ? value : MinDouble;
        MaxDouble = MaxDouble is null || value > MaxDouble ? value : MaxDouble;
    }

    public bool HasBounds => !Poisoned && (MinLong is not null || MinDouble is not null || MinDecimal is not null || MinBytes is not null);
}
