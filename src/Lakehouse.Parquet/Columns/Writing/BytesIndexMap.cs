using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>
/// Open-addressing map from byte strings to dictionary index; the unique values are kept back to back. Each slot packs
/// the value's hash and its index + 1 in one 64-bit entry, so a probe touches one cache line.
/// </summary>
internal sealed class BytesIndexMap : IDisposable
{
    private readonly GrowableBuffer<byte> _data = new(64 * 1024);
    private readonly GrowableBuffer<int> _offsets = new();
    private ulong[] _entries = RentCleared(1024);
    private int _mask = 1023;

    public BytesIndexMap()
    {
        _offsets.Add(0);
    }

    public int Count => _offsets.Count - 1;

    /// <summary>Total bytes of the unique values.</summary>
    public int DataLength => _data.Count;

    public ReadOnlySpan<byte> Get(int index) => _data.Array.AsSpan(_offsets.Array[index], _offsets.Array[index + 1] - _offsets.Array[index]);

    /// <summary>Returns the index of <paramref name="value"/>, adding it with index <see cref="Count"/> when new (<paramref name="added"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(ReadOnlySpan<byte> value, out bool added)
    {
        var hash = Hash(value);
        var i = (int)hash & _mask;
        while (true)
        {
            var entry = _entries[i];
            if (entry == 0)
            {
                _data.AddRange(value);
                _offsets.Add(_data.Count);
                _entries[i] = ((ulong)hash << 32) | (uint)Count;
                added = true;
                if (Count * 2 > _entries.Length)
                {
                    Grow();
                }

                return Count - 1;
            }

            if ((uint)(entry >> 32) == hash)
            {
                var index = (int)(uint)entry - 1;
                if (Get(index).SequenceEqual(value))
                {
                    added = false;
                    return index;
                }
            }

            i = (i + 1) & _mask;
        }
    }

    public void Dispose()
    {
        Clear();
        _data.Dispose();
        _offsets.Dispose();
        ArrayPool<ulong>.Shared.Return(_entries);
        _entries = RentCleared(1024);
        _mask = _entries.Length - 1;
    }

    /// <summary>A pooled table of exactly <paramref name="length"/> (a power of two) empty entries.</summary>
    private static ulong[] RentCleared(int length)
    {
        var entries = ArrayPool<ulong>.Shared.Rent(length);
        if (entries.Length != length)
        {
            ArrayPool<ulong>.Shared.Return(entries);
            entries = new ulong[length];
        }
        else
        {
            Array.Clear(entries);
        }

        return entries;
    }

    public void Clear()
    {
        Array.Clear(_entries);
        _data.Clear();
        _offsets.Clear();
        _offsets.Add(0);
    }

    /// <summary>
    /// 8 bytes at a time (the last 8 overlapping, so no byte loop), multiply-xor mixed, then the murmur3 finalizer:
    /// faster than <see cref="HashCode.AddBytes"/> for the short strings dictionaries hold.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> value)
    {
        const ulong K = 0x9E3779B97F4A7C15UL;
        var length = value.Length;
        var h = (ulong)length * K;
        ref var p = ref MemoryMarshal.GetReference(value);
        if (length >= 8)
        {
            var i = 0;
            for (; i + 8 < length; i += 8)
            {
                h = (h ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, i))) * K;
            }

            h = (h ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, length - 8))) * K;
        }
        else if (length >= 4)
        {
            var low = Unsafe.ReadUnaligned<uint>(ref p);
            var high = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref p, length - 4));
            h = (h ^ (((ulong)high << 32) | low)) * K;
        }
        else if (length > 0)
        {
            var v = (ulong)p | ((ulong)Unsafe.Add(ref p, length >> 1) << 8) | ((ulong)Unsafe.Add(ref p, length - 1) << 16);
            h = (h ^ v) * K;
        }

        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return (uint)h;
    }

    private void Grow()
    {
        var old = _entries;
        _entries = RentCleared(old.Length * 2);
        _mask = _entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry != 0)
            {
                var i = (int)(entry >> 32) & _mask;
                while (_entries[i] != 0)
                {
                    i = (i + 1) & _mask;
                }

                _entries[i] = entry;
            }
        }

        ArrayPool<ulong>.Shared.Return(old);
    }
}
