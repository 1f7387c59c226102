using System.Runtime.CompilerServices;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>
/// Assigns dense group ids to rows by their key values and keeps one copy of each distinct key (memory grows with
/// groups, not rows). One integral key (int, long, date, timestamp) uses an open-addressing long map and one string key
/// a byte map over the value's bytes. Any other key list is dictionary-encoded column by column (<see cref="KeyCoder"/>)
/// and the codes are packed pairwise into longs, each pair mapped to a dense id by a long map, the last pair's id being
/// the group: typed, with no boxing or per-row serialisation. NULL keys form their own group.
/// </summary>
internal sealed class GroupTable
{
    private readonly ColumnVector[] _keyVectors;
    private readonly bool _singleIntegral;
    private readonly bool _singleText;
    private readonly LongGroupMap? _longMap;
    private readonly BytesGroupMap? _bytesMap;
    private readonly KeyCoder[] _coders = [];
    private readonly LongGroupMap[] _stages = [];
    private readonly int[] _stageCounts = [];
    private int[] _codes = new int[256];
    private int[] _next = new int[256];
    private int _nullGroup = -1;

    public GroupTable(IReadOnlyList<DataType> keyTypes)
    {
        _keyVectors = keyTypes.Select(t => ColumnVector.Create(t, 1024)).ToArray();
        _singleIntegral = keyTypes.Count == 1 && keyTypes[0].Kind is TypeKind.Byte or TypeKind.Short or TypeKind.Integer or TypeKind.Date or TypeKind.Long or TypeKind.Timestamp;
        _singleText = keyTypes.Count == 1 && keyTypes[0].Kind is TypeKind.String or TypeKind.Binary;
        if (_singleIntegral)
        {
            _longMap = new LongGroupMap();
        }
        else if (_singleText)
        {
            _bytesMap = new BytesGroupMap();
        }
        else if (keyTypes.Count > 0)
        {
            _coders = keyTypes.Select(t => new KeyCoder(t)).ToArray();
            _stages = Enumerable.Range(0, keyTypes.Count).Select(_ => new LongGroupMap()).ToArray();
            _stageCounts = new int[keyTypes.Count];
        }

        // A global aggregate (no keys) has exactly one group, even over no rows.
        GroupCount = keyTypes.Count == 0 ? 1 : 0;
    }

    public int GroupCount { get; private set; }

    /// <summary>One vector per key with <see cref="GroupCount"/> entries: the key values of each group, in id order.</summary>
    public IReadOnlyList<ColumnVector> KeyVectors => _keyVectors;

    public int[] Assign(EvalColumn[] keys, int rows)
    {
        var ids = new int[rows];
        if (keys.Length == 0)
        {
            return ids;
        }

        if (_singleIntegral)
        {
            switch (keys[0])
            {
                case PrimitiveColumn<long> c:
                    AssignIntegral(c, c.Values.Span, ids);
                    break;
                case PrimitiveColumn<int> c:
                    AssignIntegral(c, c.Values.Span, ids);
                    break;
            }

            return ids;
        }

        if (_singleText && keys[0] is BinaryColumn text)
        {
            AssignText(text, ids);
            return ids;
        }

        AssignComposite(keys, ids);
        return ids;
    }

    /// <summary>The group id of each row's key, or -1 when the key is not in the table (nothing is added).</summary>
    public int[] Lookup(EvalColumn[] keys, int rows)
    {
        var ids = new int[rows];
        if (keys.Length == 0)
        {
            return ids;
        }

        var text = _singleText && keys[0] is BinaryColumn b ? b : null;
        for (var i = 0; i < rows; i++)
        {
            if (_singleIntegral || text is not null)
            {
                // These layouts keep NULL keys in a group of their own (see Assign).
                ids[i] = keys[0].IsNull(i) ? _nullGroup
                    : text is not null ? _bytesMap!.TryGet(text.ValueAt(i))
                    : _longMap!.TryGet(keys[0] switch
                    {
                        PrimitiveColumn<long> c => c.ValueAt(i),
                        PrimitiveColumn<int> c => c.ValueAt(i),
                        _ => throw new InvalidOperationException($"Cannot look up a {keys[0].Type} key."),
                    });
                continue;
            }

            ids[i] = LookupComposite(keys, i);
        }

        return ids;
    }

    private int LookupComposite(EvalColumn[] keys, int row)
    {
        var current = -1;
        for (var k = 0; k < keys.Length; k++)
        {
            var code = _coders[k].TryCode(keys[k], row);
            if (code < 0)
            {
                return -1;
            }

            current = _stages[k].TryGet(Pack(k == 0 ? -1 : current, code));
            if (current < 0)
            {
                return -1;
            }
        }

        return current;
    }

    private void AssignIntegral<T>(PrimitiveColumn<T> column, ReadOnlySpan<T> values, int[] ids)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var map = _longMap!;
        var nulls = column.Nulls.Span;
        var scalar = column.IsScalar;
        for (var i = 0; i < ids.Length; i++)
        {
            var at = scalar ? 0 : i;
            if (!nulls.IsEmpty && nulls[at])
            {
                if (_nullGroup < 0)
                {
                    _nullGroup = NewGroup([column], i);
                }

                ids[i] = _nullGroup;
                continue;
            }

            var id = map.GetOrAdd(long.CreateTruncating(values[at]), GroupCount, out var added);
            if (added)
            {
                NewGroup([column], i);
            }

            ids[i] = id;
        }
    }

    /// <summary>One string/binary key: the value bytes are the map key (spans hoisted out of the loop).</summary>
    private void AssignText(BinaryColumn column, int[] ids)
    {
        var map = _bytesMap!;
        var data = column.Data.Span;
        var offsets = column.Offsets.Span;
        var nulls = column.Nulls.Span;
        var scalar = column.IsScalar;
        EvalColumn[] keys = [column];
        for (var i = 0; i < ids.Length; i++)
        {
            var at = scalar ? 0 : i;
            if (!nulls.IsEmpty && nulls[at])
            {
                if (_nullGroup < 0)
                {
                    _nullGroup = NewGroup(keys, i);
                }

                ids[i] = _nullGroup;
                continue;
            }

            var id = map.GetOrAdd(data[offsets[at]..offsets[at + 1]], GroupCount, out var added);
            if (added)
            {
                NewGroup(keys, i);
            }

            ids[i] = id;
        }
    }

    /// <summary>Codes per column, then stage k maps (id of keys 0..k-1, code of key k) to a dense id; the last stage's id is the group.</summary>
    private void AssignComposite(EvalColumn[] keys, int[] ids)
    {
        var rows = ids.Length;
        if (_codes.Length < rows)
        {
            _codes = new int[rows];
            _next = new int[rows];
        }

        var current = _codes.AsSpan(0, rows);
        var codes = _next.AsSpan(0, rows);
        current.Fill(-1);
        var last = keys.Length - 1;
        for (var k = 0; k <= last; k++)
        {
            _coders[k].Encode(keys[k], codes);
            var stage = _stages[k];
            if (k < last)
            {
                var count = _stageCounts[k];
                for (var i = 0; i < rows; i++)
                {
                    current[i] = stage.GetOrAdd(Pack(current[i], codes[i]), count, out var added);
                    count += added ? 1 : 0;
                }

                _stageCounts[k] = count;
                continue;
            }

            for (var i = 0; i < rows; i++)
            {
                var id = stage.GetOrAdd(Pack(current[i], codes[i]), GroupCount, out var added);
                if (added)
                {
                    NewGroup(keys, i);
                }

                ids[i] = id;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Pack(int prefix, int code) => ((long)prefix << 32) | (uint)code;

    private int NewGroup(EvalColumn[] keys, int row)
    {
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k].AppendTo(_keyVectors[k], row);
        }

        return GroupCount++;
    }
}
