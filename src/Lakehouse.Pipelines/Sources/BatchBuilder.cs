using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Sources.Columns;

namespace Lakehouse.Pipelines.Sources;

/// <summary>Fresh vectors for one output batch: appenders for data columns, the rescued column, and constant metadata columns filled on <see cref="Build"/>.</summary>
internal sealed class BatchBuilder
{
    private readonly OutputLayout _layout;
    private readonly ColumnVector[] _vectors;
    private readonly byte[] _sourceUri;
    private readonly long _ingestedAtMicros;

    /// <summary>A builder of up to <paramref name="capacity"/> rows; <paramref name="reuse"/> holds the vectors of an earlier batch of the same layout to refill (see <see cref="ISourceReader.Recycle"/>), or is null for fresh ones.</summary>
    public BatchBuilder(OutputLayout layout, int capacity, byte[] sourceUri, DateTimeOffset ingestedAt, ColumnVector[]? reuse = null)
    {
        _layout = layout;
        _sourceUri = sourceUri;
        _ingestedAtMicros = Int64Vector.ToUnixMicros(ingestedAt.UtcDateTime);
        Capacity = capacity;
        var fields = layout.Schema.Fields;
        Appenders = new ColumnAppender?[fields.Count];
        _vectors = new ColumnVector[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            if (reuse is not null)
            {
                _vectors[i] = reuse[i];
                if (layout.IsReserved(i))
                {
                    reuse[i].Clear();
                }
                else
                {
                    Appenders[i] = ColumnAppender.Reuse(fields[i].Type, reuse[i]);
                }
            }
            else if (layout.IsReserved(i))
            {
                _vectors[i] = i == layout.RescuedIndex || i == layout.SourceFileIndex
                    ? new BinaryVector(fields[i].Type, capacity, i == layout.RescuedIndex ? 1024 : capacity * sourceUri.Length)
                    : ColumnVector.Create(fields[i].Type, capacity);
            }
            else
            {
                Appenders[i] = ColumnAppender.Create(fields[i].Type, capacity);
                _vectors[i] = Appenders[i]!.Vector;
            }
        }

        Rescued = (BinaryVector)_vectors[layout.RescuedIndex];
    }

    public int Capacity { get; }

    /// <summary>Appenders by output column; null for reserved columns.</summary>
    public ColumnAppender?[] Appenders { get; }

    public BinaryVector Rescued { get; }

    public int Rows { get; set; }

    public bool IsFull => Rows >= Capacity;

    public RecordBatch Build()
    {
        if (_layout.SourceFileIndex >= 0)
        {
            var v = (BinaryVector)_vectors[_layout.SourceFileIndex];
            for (var i = 0; i < Rows; i++)
            {
                v.Append(_sourceUri);
            }
        }

        if (_layout.IngestedAtIndex >= 0)
        {
            AppendConstant((Int64Vector)_vectors[_layout.IngestedAtIndex], _ingestedAtMicros, Rows);
        }

        if (_layout.IngestDateIndex >= 0)
        {
            AppendConstant((Int32Vector)_vectors[_layout.IngestDateIndex], (int)Math.Floor(_ingestedAtMicros / 86_400_000_000.0), Rows);
        }

        return new RecordBatch(_layout.Schema, _vectors);
    }

    /// <summary>Appends <paramref name="count"/> copies of <paramref name="value"/> a block at a time (no call per row).</summary>
    private static void AppendConstant<T>(PrimitiveVector<T> vector, T value, int count)
        where T : unmanaged
    {
        Span<T> block = stackalloc T[Math.Min(count, 256)];
        block.Fill(value);
        vector.EnsureCapacity(vector.Count + count);
        for (var left = count; left > 0; left -= block.Length)
        {
            vector.AppendRange(block[..Math.Min(left, block.Length)]);
        }
    }
}
