namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>Open-addressing map from byte strings to dictionary index; the unique values are kept back to back.</summary>
internal sealed class BytesIndexMap
{
    private readonly GrowableBuffer<byte> _data = new(64 * 1024);
    private readonly GrowableBuffer<int> _offsets = new();
    private int[] _slots = new int[1024];
    private int[] _hashes = new int[1024];
    private int _mask = 1023;

    public BytesIndexMap()
    {
        _offsets.Add(0);
    }

    public int Count => _offsets.Count - 1;

    /// <summary>Total bytes of the unique values.</summary>
    public int DataLength => _data.Count;

    public ReadOnlySpan<byte> Get(int index) => _data.Array.AsSpan(_offsets.Array[index], _offsets.Array[index + 1] - _offsets.Array[index]);

    public int GetOrAdd(ReadOnlySpan<byte> value)
    {
        var hash = Hash(value);
        var i = hash & _mask;
        while (true)
        {
            var slot = _slots[i];
            if (slot == 0)
            {
                _data.AddRange(value);
                _offsets.Add(_data.Count);
                _slots[i] = Count;
                _hashes[i] = hash;
                if (Count * 2 > _slots.Length)
                {
                    Grow();
                }

                return Count - 1;
            }

            if (_hashes[i] == hash && Get(slot - 1).SequenceEqual(value))
            {
                return slot - 1;
            }

            i = (i + 1) & _mask;
        }
    }

    public void Clear()
    {
        Array.Clear(_slots);
        _data.Clear();
        _offsets.Clear();
        _offsets.Add(0);
    }

    private static int Hash(ReadOnlySpan<byte> value)
    {
        var h = default(HashCode);
        h.AddBytes(value);
        return h.ToHashCode() & int.MaxValue;
    }

    private void Grow()
    {
        var oldSlots = _slots;
        var oldHashes = _hashes;
        _slots = new int[oldSlots.Length * 2];
        _hashes = new int[oldSlots.Length * 2];
        _mask = _slots.Length - 1;
        for (var j = 0; j < oldSlots.Length; j++)
        {
            if (oldSlots[j] != 0)
            {
                var i = oldHashes[j] & _mask;
                while (_slots[i] != 0)
                {
                    i = (i + 1) & _mask;
                }

                _slots[i] = oldSlots[j];
                _hashes[i] = oldHashes[j];
            }
        }
    }
}
