using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>
/// Assigns dense group ids to rows by their key values and keeps one copy of each distinct key (memory grows with
/// groups, not rows). One integral key (int, long, date, timestamp) uses an open-addressing long map; any other
/// key list is serialised per row into bytes and looked up without allocating. NULL keys form their own group.
/// </summary>
internal sealed class GroupTable
{
    private readonly ColumnVector[] _keyVectors;
    private readonly bool _singleIntegral;
    private readonly LongGroupMap? _longMap;
    private readonly BytesGroupMap? _bytesMap;
    private int _nullGroup = -1;
    private byte[] _scratch = new byte[256];

    public GroupTable(IReadOnlyList<DataType> keyTypes)
    {
        _keyVectors = keyTypes.Select(t => ColumnVector.Create(t, 1024)).ToArray();
        _singleIntegral = keyTypes.Count == 1 && keyTypes[0].Kind is TypeKind.Byte or TypeKind.Short or TypeKind.Integer or TypeKind.Date or TypeKind.Long or TypeKind.Timestamp;
        if (_singleIntegral)
        {
            _longMap = new LongGroupMap();
        }
        else
        {
            _bytesMap = new BytesGroupMap();
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

        if (keys.Length == 1 && keys[0] is BinaryColumn { IsScalar: false } text)
        {
            AssignText(text, ids);
            return ids;
        }

        AssignGeneral(keys, ids);
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

        var scratch = new byte[64];
        var text = keys.Length == 1 && keys[0] is BinaryColumn { IsScalar: false } b ? b : null;
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

            var length = RowBytes.Write(keys, i, ref scratch, 0);
            ids[i] = _bytesMap!.TryGet(scratch.AsSpan(0, length));
        }

        return ids;
    }

    private void AssignIntegral<T>(PrimitiveColumn<T> column, ReadOnlySpan<T> values, int[] ids)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var map = _longMap!;
        var nulls = column.Nulls.Span;
        for (var i = 0; i < ids.Length; i++)
        {
            if (!nulls.IsEmpty && nulls[column.IsScalar ? 0 : i])
            {
                if (_nullGroup < 0)
                {
                    _nullGroup = NewGroup([column], i);
                }

                ids[i] = _nullGroup;
                continue;
            }

            var id = map.GetOrAdd(long.CreateTruncating(values[column.IsScalar ? 0 : i]), GroupCount, out var added);
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
        EvalColumn[] keys = [column];
        for (var i = 0; i < ids.Length; i++)
        {
            if (!nulls.IsEmpty && nulls[i])
            {
                if (_nullGroup < 0)
                {
                    _nullGroup = NewGroup(keys, i);
                }

                ids[i] = _nullGroup;
                continue;
            }

            var id = map.GetOrAdd(data[offsets[i]..offsets[i + 1]], GroupCount, out var added);
            if (added)
            {
                NewGroup(keys, i);
            }

            ids[i] = id;
        }
    }

    private void AssignGeneral(EvalColumn[] keys, int[] ids)
    {
        var map = _bytesMap!;
        for (var i = 0; i < ids.Length; i++)
        {
            var length = RowBytes.Write(keys, i, ref _scratch, 0);
            var id = map.GetOrAdd(_scratch.AsSpan(0, length), GroupCount, out var added);
            if (added)
            {
                NewGroup(keys, i);
            }

            ids[i] = id;
        }
    }

    private int NewGroup(EvalColumn[] keys, int row)
    {
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k].AppendTo(_keyVectors[k], row);
        }

        return GroupCount++;
    }
}
