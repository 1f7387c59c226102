using System.Runtime.CompilerServices;
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

        // Hot path (every value of every written file): typed spans, running bounds in locals, no per-value calls.
        switch (vector)
        {
            case Int32Vector v:
                AddLongs(v.Values, v);
                break;
            case Int64Vector v:
                AddLongs(v.Values, v);
                break;
            case DoubleVector v:
                AddDoubles(v.Values, v);
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
                AddBytes(v);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddLongs<T>(ReadOnlySpan<T> values, ColumnVector v)
        where T : struct, System.Numerics.IBinaryInteger<T>
    {
        var any = MinLong is not null;
        var min = MinLong ?? long.MaxValue;
        var max = MaxLong ?? long.MinValue;
        var nulls = v.HasNulls;
        for (var i = 0; i < values.Length; i++)
        {
            if (nulls && v.IsNull(i))
            {
                continue;
            }

            var x = long.CreateTruncating(values[i]);
            min = x < min ? x : min;
            max = x > max ? x : max;
            any = true;
        }

        if (any)
        {
            MinLong = min;
            MaxLong = max;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddDoubles(ReadOnlySpan<double> values, ColumnVector v)
    {
        var any = MinDouble is not null;
        var min = MinDouble ?? double.MaxValue;
        var max = MaxDouble ?? double.MinValue;
        var nulls = v.HasNulls;
        for (var i = 0; i < values.Length; i++)
        {
            if (nulls && v.IsNull(i))
            {
                continue;
            }

            var x = values[i];
            if (!double.IsFinite(x))
            {
                Poisoned = true;
                return;
            }

            min = x < min ? x : min;
            max = x > max ? x : max;
            any = true;
        }

        if (any)
        {
            MinDouble = min;
            MaxDouble = max;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddBytes(BinaryVector v)
    {
        var data = v.Data;
        var offsets = v.Offsets;
        var nulls = v.HasNulls;
        ReadOnlySpan<byte> min = MinBytes;
        ReadOnlySpan<byte> max = MaxBytes;
        int minIndex = -1, maxIndex = -1;
        var any = MinBytes is not null;
        for (var i = 0; i < v.Count; i++)
        {
            if (nulls && v.IsNull(i))
            {
                continue;
            }

            var bytes = data[offsets[i]..offsets[i + 1]];
            if (!any)
            {
                min = max = bytes;
                minIndex = maxIndex = i;
                any = true;
                continue;
            }

            if (bytes.SequenceCompareTo(min) < 0)
            {
                min = bytes;
                minIndex = i;
            }
            else if (bytes.SequenceCompareTo(max) > 0)
            {
                max = bytes;
                maxIndex = i;
            }
        }

        // Copy only the final winners of this batch (not every new running bound).
        if (minIndex >= 0)
        {
            MinBytes = min.ToArray();
        }

        if (maxIndex >= 0)
        {
            MaxBytes = max.ToArray();
        }
    }

    /// <summary>
    /// Takes the column's stats from what the Parquet writer recorded for this leaf over the whole file (bounds in the
    /// boxed form of <see cref="ColumnVector.GetValue"/>): the same figures <see cref="Add(ColumnVector)"/> would
    /// reach, without a second pass over the values. A NaN or an infinite bound leaves the column without bounds.
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
