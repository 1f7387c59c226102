using System.Buffers.Binary;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>
/// Open-addressing map from a byte string (a serialised group key) to a dense group id. Slots hold the 64-bit hash
/// and id; key bytes live once in an arena, compared only when hashes match. No allocation per lookup.
/// </summary>
internal sealed class BytesGroupMap
{
    private struct Slot
    {
        public ulong Hash;
        public int Id; // group id + 1; 0 = empty
    }

    private Slot[] _slots = new Slot[1024];
    private byte[] _arena = new byte[16 * 1024];
    private int[] _starts = new int[1024];
    private int _arenaLength;
    private int _count;

    public int GetOrAdd(ReadOnlySpan<byte> key, int nextId, out bool added)
    {
        var hash = Hash(key);
        var slots = _slots;
        var mask = slots.Length - 1;
        var index = (int)(hash & (ulong)mask);
        while (true)
        {
            ref var slot = ref slots[index];
            if (slot.Id == 0)
            {
                Store(key, nextId);
                slot.Hash = hash;
                slot.Id = nextId + 1;
                added = true;
                if (++_count * 2 > slots.Length)
                {
                    Grow();
                }

                return nextId;
            }

            if (slot.Hash == hash && KeyOf(slot.Id - 1).SequenceEqual(key))
            {
                added = false;
                return slot.Id - 1;
            }

            index = (index + 1) & mask;
        }
    }

    /// <summary>The id of <paramref name="key"/>, or -1 when absent.</summary>
    public int TryGet(ReadOnlySpan<byte> key)
    {
        var hash = Hash(key);
        var slots = _slots;
        var mask = slots.Length - 1;
        var index = (int)(hash & (ulong)mask);
        while (true)
        {
            ref var slot = ref slots[index];
            if (slot.Id == 0)
            {
                return -1;
            }

            if (slot.Hash == hash && KeyOf(slot.Id - 1).SequenceEqual(key))
            {
                return slot.Id - 1;
            }

            index = (index + 1) & mask;
        }
    }

    private ReadOnlySpan<byte> KeyOf(int id) => _arena.AsSpan(_starts[id], _starts[id + 1] - _starts[id]);

    private void Store(ReadOnlySpan<byte> key, int id)
    {
        if (id + 2 > _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
        }

        if (_arenaLength + key.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arenaLength + key.Length, _arena.Length * 2));
        }

        key.CopyTo(_arena.AsSpan(_arenaLength));
        _starts[id] = _arenaLength;
        _arenaLength += key.Length;
        _starts[id + 1] = _arenaLength;
    }

    /// <summary>Multiply-xorshift over 8-byte words, finished with the murmur3 mixer.</summary>
    private static ulong Hash(ReadOnlySpan<byte> key)
    {
        var h = (ulong)key.Length * 0x9E3779B97F4A7C15UL;
        while (key.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(key)) * 0xff51afd7ed558ccdUL;
            h ^= h >> 29;
            key = key[8..];
        }

        if (!key.IsEmpty)
        {
            ulong tail = 0;
            for (var i = 0; i < key.Length; i++)
            {
                tail |= (ulong)key[i] << (8 * i);
            }

            h = (h ^ tail) * 0xc4ceb9fe1a85ec53UL;
        }

        return LongGroupMap.Mix((long)h);
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Id == 0)
            {
                continue;
            }

            var index = (int)(slot.Hash & (ulong)mask);
            while (_slots[index].Id != 0)
            {
                index = (index + 1) & mask;
            }

            _slots[index] = slot;
        }
    }
}
