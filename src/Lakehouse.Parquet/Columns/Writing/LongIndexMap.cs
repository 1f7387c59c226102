using System.Runtime.CompilerServices;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>Open-addressing map from 64-bit value bits to dictionary index (faster than Dictionary for this hot path).</summary>
internal sealed class LongIndexMap
{
    private long[] _keys = new long[1024];
    private int[] _slots = new int[1024];
    private int _mask = 1023;
    private int _shift = 54;

    public int Count { get; private set; }

    /// <summary>Returns the index of <paramref name="key"/>, adding it with index <see cref="Count"/> when new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(long key, out bool added)
    {
        var i = (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);
        while (true)
        {
            var slot = _slots[i];
            if (slot == 0)
            {
                _keys[i] = key;
                _slots[i] = ++Count;
                added = true;
                if (Count * 2 > _slots.Length)
                {
                    Grow();
                }

                return Count - 1;
            }

            if (_keys[i] == key)
            {
                added = false;
                return slot - 1;
            }

            i = (i + 1) & _mask;
        }
    }

    public void Clear()
    {
        Array.Clear(_slots);
        Count = 0;
    }

    private void Grow()
    {
        var oldKeys = _keys;
        var oldSlots = _slots;
        _keys = new long[oldKeys.Length * 2];
        _slots = new int[oldSlots.Length * 2];
        _mask = _slots.Length - 1;
        _shift--;
        for (var j = 0; j < oldSlots.Length; j++)
        {
            if (oldSlots[j] != 0)
            {
                var i = (int)(((ulong)oldKeys[j] * 0x9E3779B97F4A7C15UL) >> _shift);
                while (_slots[i] != 0)
                {
                    i = (i + 1) & _mask;
                }

                _keys[i] = oldKeys[j];
                _slots[i] = oldSlots[j];
            }
        }
    }
}
