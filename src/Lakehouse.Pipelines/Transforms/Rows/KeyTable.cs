using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Lakehouse.Pipelines.Transforms.Rows;

/// <summary>
/// A compact hash set of encoded keys (<see cref="KeyEncoder"/>) numbering each distinct key 0, 1, 2, ... in insertion
/// order, so callers keep per-key state in plain arrays indexed by that number. Keys live back to back in one byte
/// arena and the table is open addressing over int arrays: about 30 bytes per key plus the key bytes, no object per key.
/// </summary>
internal sealed class KeyTable
{
    private int[] _slots;
    private int[] _hashes;
    private int[] _offsets;
    private int[] _lengths;
    private byte[] _arena;
    private int _arenaLength;

    public KeyTable(int capacity = 1024)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _slots = new int[size];
        Array.Fill(_slots, -1);
        _hashes = new int[Math.Max(16, capacity)];
        _offsets = new int[_hashes.Length];
        _lengths = new int[_hashes.Length];
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
            var entry = _slots[slot];
            if (entry < 0)
            {
                return -1;
            }

            if (_hashes[entry] == hash && KeyAt(entry).SequenceEqual(key))
            {
                return entry;
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
            var entry = _slots[slot];
            if (entry < 0)
            {
                break;
            }

            if (_hashes[entry] == hash && KeyAt(entry).SequenceEqual(key))
            {
                added = false;
                return entry;
            }
        }

        var id = Count++;
        if (id == _hashes.Length)
        {
            Array.Resize(ref _hashes, id * 2);
            Array.Resize(ref _offsets, id * 2);
            Array.Resize(ref _lengths, id * 2);
        }

        if (_arenaLength + key.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arenaLength + key.Length, _arena.Length * 2));
        }

        key.CopyTo(_arena.AsSpan(_arenaLength));
        _hashes[id] = hash;
        _offsets[id] = _arenaLength;
        _lengths[id] = key.Length;
        _arenaLength += key.Length;
        _slots[slot] = id;
        added = true;
        return id;
    }

    /// <summary>The encoded bytes of key number <paramref name="id"/>.</summary>
    public ReadOnlySpan<byte> KeyAt(int id) => _arena.AsSpan(_offsets[id], _lengths[id]);

    private void Rehash()
    {
        var slots = new int[_slots.Length * 2];
        Array.Fill(slots, -1);
        var mask = slots.Length - 1;
        for (var id = 0; id < Count; id++)
        {
            var slot = _hashes[id] & mask;
            while (slots[slot] >= 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = id;
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
