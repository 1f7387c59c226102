using System.Runtime.CompilerServices;

namespace Lakehouse.Parquet.Data;

/// <summary>A vector of fixed-width values in one growable array.</summary>
public abstract class PrimitiveVector<T> : ColumnVector
    where T : unmanaged
{
    private T[] _values;

    protected PrimitiveVector(DataType type, int capacity)
        : base(type)
    {
        _values = new T[Math.Max(capacity, 1)];
    }

    /// <summary>The values; entries at or past <see cref="ColumnVector.Count"/>, and null entries, are meaningless.</summary>
    public Span<T> Values => _values.AsSpan(0, Count);

    /// <summary>The values as memory, for vectorized readers that keep them past a stack frame. A snapshot: valid until the next append.</summary>
    public ReadOnlyMemory<T> ValuesMemory => _values.AsMemory(0, Count);

    public T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (uint)index < (uint)Count ? _values[index] : throw new ArgumentOutOfRangeException(nameof(index));
    }

    protected override int Capacity => _values.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(T value)
    {
        if (Count == _values.Length)
        {
            Grow(Count + 1);
        }

        _values[Count] = value;
        Count++;
    }

    public override void AppendNull()
    {
        if (Count == _values.Length)
        {
            Grow(Count + 1);
        }

        _values[Count] = default;
        SetNull(Count, true);
        Count++;
    }

    /// <summary>Appends many non-null values at once.</summary>
    public void AppendRange(ReadOnlySpan<T> values)
    {
        EnsureCapacity(Count + values.Length);
        values.CopyTo(_values.AsSpan(Count));
        Count += values.Length;
    }

    /// <summary>Appends many values at once; entries whose <paramref name="isNull"/> flag is set are appended as nulls
    /// (an empty <paramref name="isNull"/> means none is null). Used by vectorized evaluators to publish results.</summary>
    public void AppendRange(ReadOnlySpan<T> values, ReadOnlySpan<bool> isNull)
    {
        if (!isNull.IsEmpty && isNull.Length != values.Length)
        {
            throw new ArgumentException($"{values.Length} values but {isNull.Length} null flags.", nameof(isNull));
        }

        var start = Count;
        AppendRange(values);
        if (isNull.IsEmpty)
        {
            return;
        }

        var next = isNull.IndexOf(true);
        while (next >= 0)
        {
            _values[start + next] = default;
            SetNull(start + next, true);
            var rest = isNull[(next + 1)..].IndexOf(true);
            next = rest < 0 ? -1 : next + 1 + rest;
        }
    }

    public void EnsureCapacity(int capacity)
    {
        if (capacity > _values.Length)
        {
            Grow(capacity);
        }
    }

    private void Grow(int min)
    {
        var next = Math.Max(min, _values.Length * 2);
        Array.Resize(ref _values, next);
    }
}
