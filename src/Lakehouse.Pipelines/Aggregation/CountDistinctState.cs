using System.Buffers.Binary;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>
/// count_distinct(x): one set of distinct non-null values per group (memory follows distinct values per group).
/// Values are keyed by their bytes (fixed-width little-endian, or the UTF-8 bytes), probed without allocating.
/// </summary>
internal sealed class CountDistinctState : AggregateState
{
    private HashSet<byte[]>?[] _sets = new HashSet<byte[]>?[16];
    private readonly byte[] _scratch = new byte[16];

    public override DataType ResultType => DataType.Long;

    public override void Update(ReadOnlySpan<int> groups, EvalColumn? input, int groupCount)
    {
        Grow(ref _sets, groupCount);
        var column = input!;
        for (var i = 0; i < groups.Length; i++)
        {
            if (column.IsNull(i))
            {
                continue;
            }

            var set = _sets[groups[i]] ??= new HashSet<byte[]>(ByteSpanComparer.Instance);
            set.GetAlternateLookup<ReadOnlySpan<byte>>().Add(Key(column, i));
        }
    }

    private ReadOnlySpan<byte> Key(EvalColumn column, int row)
    {
        var span = _scratch.AsSpan();
        switch (column)
        {
            case BinaryColumn c: return c.ValueAt(row);
            case PrimitiveColumn<bool> c: span[0] = c.ValueAt(row) ? (byte)1 : (byte)0; return span[..1];
            case PrimitiveColumn<int> c: BinaryPrimitives.WriteInt32LittleEndian(span, c.ValueAt(row)); return span[..4];
            case PrimitiveColumn<long> c: BinaryPrimitives.WriteInt64LittleEndian(span, c.ValueAt(row)); return span[..8];
            case PrimitiveColumn<float> c: BinaryPrimitives.WriteDoubleLittleEndian(span, Normalize(c.ValueAt(row))); return span[..8];
            case PrimitiveColumn<double> c: BinaryPrimitives.WriteDoubleLittleEndian(span, Normalize(c.ValueAt(row))); return span[..8];
            case PrimitiveColumn<Int128> c: BinaryPrimitives.WriteInt128LittleEndian(span, c.ValueAt(row)); return span;
            default: throw new InvalidOperationException($"count_distinct over {column.Type}");
        }
    }

    private static double Normalize(double value) => double.IsNaN(value) ? double.NaN : value == 0 ? 0.0 : value;

    public override void Merge(AggregateState other, ReadOnlySpan<int> map, int groupCount)
    {
        Grow(ref _sets, groupCount);
        var o = (CountDistinctState)other;
        for (var g = 0; g < map.Length; g++)
        {
            if (o._sets[g] is { } source)
            {
                (_sets[map[g]] ??= new HashSet<byte[]>(ByteSpanComparer.Instance)).UnionWith(source);
            }
        }
    }

    public override ColumnVector Finish(int groupCount)
    {
        Grow(ref _sets, groupCount);
        var vector = new Int64Vector(DataType.Long, groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            vector.Append(_sets[g]?.Count ?? 0);
        }

        return vector;
    }
}
