namespace Lakehouse.Pipelines.Aggregation;

/// <summary>Open-addressing map from a 64-bit key to a dense group id (linear probing, power-of-two capacity, load ≤ 1/2).</summary>
internal sealed class LongGroupMap
{
    private long[] _keys = new long[1024];
    private int[] _ids = new int[1024];
    private int _count;

    public int Count => _count;

    /// <summary>The id of <paramref name="key"/>, adding it as <paramref name="nextId"/> if absent (<paramref name="added"/> tells which).</summary>
    public int GetOrAdd(long key, int nextId, out bool added)
    {
        var mask = _keys.Length - 1;
        var slot = (int)(Mix(key) & (ulong)mask);
        while (true)
        {
            var id = _ids[slot];
            if (id == 0)
            {
                _keys[slot] = key;
                _ids[slot] = nextId + 1;
                added = true;
                if (++_count * 2 > _keys.Length)
                {
                    Grow();
                }

                return nextId;
            }

            if (_keys[slot] == key)
            {
                added = false;
                return id - 1;
            }

            slot = (slot + 1) & mask;
        }
    }

    private static ulong Mix(long key)
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
        var keys = _keys;
        var ids = _ids;
        _keys = new long[keys.Length * 2];
        _ids = new int[keys.Length * 2];
        var mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (ids[i] == 0)
            {
                continue;
            }

            var slot = (int)(Mix(keys[i]) & (ulong)mask);
            while (_ids[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _keys[slot] = keys[i];
            _ids[slot] = ids[i];
        }
    }
}
