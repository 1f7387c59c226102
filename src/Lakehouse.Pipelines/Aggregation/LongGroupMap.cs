using System.Runtime.InteropServices;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>
/// Open-addressing map from a 64-bit key to a dense group id (linear probing, power-of-two capacity, load ≤ 1/2).
/// Key and id share one slot so a probe touches one cache line.
/// </summary>
internal sealed class LongGroupMap
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public long Key;
        public int Id; // group id + 1; 0 = empty
    }

    private Slot[] _slots = new Slot[1024];
    private int _count;

    public int Count => _count;

    /// <summary>The id of <paramref name="key"/>, adding it as <paramref name="nextId"/> if absent (<paramref name="added"/> tells which).</summary>
    public int GetOrAdd(long key, int nextId, out bool added)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var index = (int)(Mix(key) & (ulong)mask);
        while (true)
        {
            ref var slot = ref slots[index];
            if (slot.Id == 0)
            {
                slot.Key = key;
                slot.Id = nextId + 1;
                added = true;
                if (++_count * 2 > slots.Length)
                {
                    Grow();
                }

                return nextId;
            }

            if (slot.Key == key)
            {
                added = false;
                return slot.Id - 1;
            }

            index = (index + 1) & mask;
        }
    }

    /// <summary>The id of <paramref name="key"/>, or -1 when absent.</summary>
    public int TryGet(long key)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var index = (int)(Mix(key) & (ulong)mask);
        while (true)
        {
            ref var slot = ref slots[index];
            if (slot.Id == 0)
            {
                return -1;
            }

            if (slot.Key == key)
            {
                return slot.Id - 1;
            }

            index = (index + 1) & mask;
        }
    }

    internal static ulong Mix(long key)
    {
        // murmur3 finalizer: spreads sequential ids over the table.
        var h = (ulong)key;
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
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

            var index = (int)(Mix(slot.Key) & (ulong)mask);
            while (_slots[index].Id != 0)
            {
                index = (index + 1) & mask;
            }

            _slots[index] = slot;
        }
    }
}
