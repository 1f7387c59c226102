using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>Builds a <see cref="BinaryColumn"/> row by row without per-row allocations.</summary>
internal sealed class BinaryBuilder
{
    private readonly DataType _type;
    private readonly int[] _offsets;
    private byte[] _data;
    private bool[]? _nulls;
    private int _count;
    private int _length;

    public BinaryBuilder(DataType type, int rows, int dataCapacity)
    {
        _type = type;
        _offsets = new int[rows + 1];
        _data = new byte[Math.Max(16, dataCapacity)];
    }

    public void Append(ReadOnlySpan<byte> value)
    {
        value.CopyTo(Reserve(value.Length));
        Commit(value.Length);
    }

    /// <summary>Space for up to <paramref name="maxBytes"/> bytes of the next value; follow with <see cref="Commit"/>.</summary>
    public Span<byte> Reserve(int maxBytes)
    {
        if (_length + maxBytes > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_length + maxBytes, _data.Length * 2));
        }

        return _data.AsSpan(_length, maxBytes);
    }

    public void Commit(int written)
    {
        _length += written;
        _count++;
        _offsets[_count] = _length;
    }

    public void AppendNull()
    {
        _nulls ??= new bool[_offsets.Length - 1];
        _nulls[_count] = true;
        _count++;
        _offsets[_count] = _length;
    }

    public BinaryColumn Build(bool isScalar = false)
    {
        if (_count != _offsets.Length - 1)
        {
            throw new InvalidOperationException($"Built {_count} of {_offsets.Length - 1} rows.");
        }

        return new BinaryColumn(_type, _data.AsMemory(0, _length), _offsets, _nulls ?? ReadOnlyMemory<bool>.Empty, isScalar);
    }
}
