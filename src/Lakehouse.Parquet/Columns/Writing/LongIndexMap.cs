using System.Buffers;
using System.Runtime.CompilerServices;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>
/// Open-addressing map from 64-bit value bits to dictionary index (faster than Dictionary for this hot path). Tables
/// come from <see cref="ArrayPool{T}.Shared"/> and go back on growth and <see cref="Dispose"/>.
/// </summary>
internal sealed class LongIndexMap : IDisposable
{
    private long[] _keys = Rent<long>(1024, clear: false);
    private int[] _slots = Rent<int>(1024, clear: true);
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

    public void Dispose()
    {
        ArrayPool<long>.Shared.Return(_keys);
        ArrayPool<int>.Shared.Return(_slots);
        _keys = Rent<long>(1024, clear: false);
        _slots = Rent<int>(1024, clear: true);
        _mask = 1023;
        _shift = 54;
        Count = 0;
    }

    /// <summary>A pooled array of exactly <paramref name="length"/> (a power of two) entries, zeroed when <paramref name="clear"/>.</summary>
    private static T[] Rent<T>(int length, bool clear)
    {
        var array = ArrayPool<T>.Shared.Rent(length);
        if (array.Length != length)
        {
            ArrayPool<T>.Shared.Return(array);
            return new T[length];
        }

        if (clear)
        {
            Array.Clear(array);
        }

        return array;
    }

    private void Grow()
    {
        var oldKeys = _keys;
        var oldSlots = _slots;
        _keys = Rent<long>(oldKeys.Length * 2, clear: false);
        _slots = Rent<int>(oldSlots.Length * 2, clear: true);
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

        ArrayPool<long>.Shared.Return(oldKeys);
        ArrayPool<int>.Shared.Return(oldSlots);
    }
}
