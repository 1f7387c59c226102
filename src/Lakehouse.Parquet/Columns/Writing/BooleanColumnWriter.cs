using Lakehouse.Parquet.Compression;
using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Encodings;
using Lakehouse.Parquet.Meta;
using Lakehouse.Parquet.Schema;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>BOOLEAN leaves: PLAIN bit-packed values (dictionaries never pay off for two values).</summary>
internal sealed class BooleanColumnWriter : ColumnChunkWriter
{
    private readonly GrowableBuffer<bool> _values = new();
    private bool _chunkFalse;
    private bool _chunkTrue;
    private bool _fileFalse;
    private bool _fileTrue;

    public BooleanColumnWriter(ColumnDescriptor column, ParquetWriterOptions options, IPageCodec codec)
        : base(column, options, codec)
    {
    }

    protected override int PageValueBytes => _values.Count / 8;

    protected override bool DictionaryActive => false;

    protected override bool DictionaryFull => false;

    protected override int DictionaryCount => 0;

    protected override long DictionaryBytes => 0;

    protected override void AddValues(ColumnVector vector, ReadOnlySpan<int> indices)
    {
        var src = ((BooleanVector)vector).Values;
        _values.Ensure(_values.Count + indices.Length);
        var dst = _values.Array.AsSpan(_values.Count, indices.Length);
        for (var i = 0; i < indices.Length; i++)
        {
            dst[i] = src[indices[i]];
        }

        _values.Advance(indices.Length);
        Added(dst);
    }

    protected override void AddRange(ColumnVector vector, int start, int count)
    {
        var values = ((BooleanVector)vector).Values.Slice(start, count);
        _values.AddRange(values);
        Added(values);
    }

    private void Added(ReadOnlySpan<bool> values)
    {
        // Vectorized searches, skipped once both values have been seen in the chunk.
        _chunkTrue = _chunkTrue || values.Contains(true);
        _chunkFalse = _chunkFalse || values.Contains(false);
        RawBytes += values.Length;
    }

    protected override ParquetEncoding EncodePageValues(GrowableBuffer<byte> output)
    {
        var bytes = PlainBooleanCodec.Encode(_values.Span, output.GetSpan((_values.Count + 7) / 8));
        output.Advance(bytes);
        _values.Clear();
        return ParquetEncoding.Plain;
    }

    protected override void StopDictionary()
    {
    }

    protected override void ReleaseBuffers() => _values.Dispose();

    protected override void AbandonDictionary()
    {
    }

    protected override void EncodeDictionary(GrowableBuffer<byte> output)
    {
    }

    protected override void ResetChunk()
    {
        _fileFalse |= _chunkFalse;
        _fileTrue |= _chunkTrue;
        _chunkFalse = false;
        _chunkTrue = false;
    }

    protected override Statistics? ChunkStatistics()
    {
        if (!_chunkFalse && !_chunkTrue)
        {
            return null;
        }

        byte[] min = [(byte)(_chunkFalse ? 0 : 1)];
        byte[] max = [(byte)(_chunkTrue ? 1 : 0)];
        return new Statistics { MinValue = min, MaxValue = max, LegacyMin = min, LegacyMax = max };
    }

    public override (object? Min, object? Max) FileMinMax()
    {
        var hasFalse = _fileFalse || _chunkFalse;
        var hasTrue = _fileTrue || _chunkTrue;
        return hasFalse || hasTrue ? (!hasFalse, hasTrue) : (null, null);
    }
}
