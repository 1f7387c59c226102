using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Lakehouse.Pipelines.Transforms.Rows;

/// <summary>
/// A compact hash set of encoded keys (<see cref="KeyEncoder"/>) numbering each distinct key 0, 1, 2, ... in insertion
/// order, so callers keep per-key state in plain arrays indexed by that number. Keys live back to back in one byte
/// arena and the table is open addressing over one array of packed (hash, number) slots: 20 to 36 bytes per key plus the
/// key bytes, no object per key.
/// </summary>
internal sealed class KeyTable
{
    private const long Empty = -1;

    // Each slot packs the key's 31-bit hash (high half) with its number (low half), so a probe compares hashes
    // without touching per-key arrays: a lookup of an absent key (most probes of a merge's target rows) costs one cache
    // line of the slot array, a present key one more for its offsets and one for its bytes.
    private long[] _slots;
    private int[] _offsets;
    private byte[] _arena;

    public KeyTable(int capacity = 1024)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _slots = new long[size];
        Array.Fill(_slots, Empty);
        _offsets = new int[Math.Max(16, capacity) + 1];
        _arena = new byte[Math.Max(256, capacity * 10)];
    }

    /// <summary>Number of distinct keys.</summary>
    public int Count { get; private set; }

    /// <summary>The number of <paramref name="key"/>, or -1 when absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(ReadOnlySpan<byte> key)
    {
        var hash = Hash(key);
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var packed = _slots[slot];
            if (packed == Empty)
            {
                return -1;
            }

            if ((int)(packed >> 32) == hash)
            {
                var id = (int)packed;
                if (KeyAt(id).SequenceEqual(key))
                {
                    return id;
                }
            }
        }
    }

    /// <summary>The number of <paramref name="key"/>, adding it when absent (<paramref name="added"/> says which).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int FindOrAdd(ReadOnlySpan<byte> key, out bool added)
    {
        if ((Count + 1) * 2 > _slots.Length)
        {
            Rehash();
        }

        var hash = Hash(key);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        for (; ; slot = (slot + 1) & mask)
        {
            var packed = _slots[slot];
            if (packed == Empty)
            {
                break;
            }

            if ((int)(packed >> 32) == hash && KeyAt((int)packed).SequenceEqual(key))
            {
                added = false;
                return (int)packed;
            }
        }

        var id = Count++;
        if (id + 1 >= _offsets.Length)
        {
            Array.Resize(ref _offsets, _offsets.Length * 2);
        }

        var start = _offsets[id];
        if (start + key.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(start + key.Length, _arena.Length * 2));
        }

        key.CopyTo(_arena.AsSpan(start));
        _offsets[id + 1] = start + key.Length;
        _slots[slot] = ((long)hash << 32) | (uint)id;
        added = true;
        return id;
    }

    /// <summary>The encoded bytes of key number <paramref name="id"/> (keys are stored back to back in number order).</summary>
    public ReadOnlySpan<byte> KeyAt(int id) => _arena.AsSpan(_offsets[id], _offsets[id + 1] - _offsets[id]);

    private void Rehash()
    {
        var slots = new long[_slots.Length * 2];
        Array.Fill(slots, Empty);
        var mask = slots.Length - 1;
        foreach (var packed in _slots)
        {
            if (packed == Empty)
            {
                continue;
            }

            var slot = (int)(packed >> 32) & mask;
            while (slots[slot] != Empty)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = packed;
        }

        _slots = slots;
    }

    /// <summary>A multiply-rotate hash over 8-byte words (non-negative, well mixed in the low bits used for slots).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Hash(ReadOnlySpan<byte> key)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)key.Length;
        while (key.Length >= 8)
        {
            h = BitOperations.RotateLeft((h ^ BinaryPrimitives.ReadUInt64LittleEndian(key)) * 0xBF58476D1CE4E5B9UL, 31);
            key = key[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < key.Length; i++)
        {
            tail |= (ulong)key[i] << (8 * i);
        }

        h = (h ^ tail) * 0x94D049BB133111EBUL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return (int)(h & 0x7FFFFFFF);
    }
}
