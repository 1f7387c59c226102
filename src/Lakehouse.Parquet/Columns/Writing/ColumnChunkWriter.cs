using System.Buffers.Binary;
using Lakehouse.Parquet.Compression;
using Lakehouse.Parquet.Encodings;
using Lakehouse.Parquet.Meta;
using Lakehouse.Parquet.Schema;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>
/// Writes one leaf column's chunks: buffers a page of levels and values, encodes and compresses it when it reaches
/// the page size, and keeps the compressed pages until the row group is written. Subclasses own value encoding,
/// the dictionary and statistics for one physical type.
/// </summary>
internal abstract class ColumnChunkWriter : IDisposable
{
    private readonly RunBuffer _def = new();
    private readonly RunBuffer _rep = new();
    private readonly GrowableBuffer<byte> _page = new(64 * 1024);
    private readonly GrowableBuffer<byte> _compressed = new(64 * 1024);
    private readonly GrowableBuffer<byte> _header = new(256);
    private readonly ChunkBuffer _dataPages = new();
    private readonly IPageCodec _codec;
    private readonly HashSet<ParquetEncoding> _encodings = [];
    private int _pageLevels;
    private int _pageValues;
    private int _pageRows;
    private long _chunkUncompressed;
    private long _chunkLevels;
    private long _chunkNulls;
    private long _dictionaryValues;
    private bool _dictionaryJudged;

    protected ColumnChunkWriter(ColumnDescriptor column, ParquetWriterOptions options, IPageCodec codec)
    {
        Column = column;
        Options = options;
        _codec = codec;
    }

    public ColumnDescriptor Column { get; }

    protected ParquetWriterOptions Options { get; }

    /// <summary>
    /// Size of the chunk's values in plain (unencoded, uncompressed) form plus its levels: drives row group sizing, so a
    /// row group holds about the same rows whether or not dictionaries shrink it (readers materialize the plain form).
    /// </summary>
    public long EstimatedSize => RawBytes + ((_chunkLevels + _pageLevels) / 4);

    /// <summary>Plain size of the values added to the current chunk; subclasses add to it.</summary>
    protected long RawBytes { get; set; }

    /// <summary>Buffered compressed bytes (for memory accounting).</summary>
    public long BufferedBytes => _dataPages.Length;

    /// <summary>Buffered compressed pages plus the open page's encoded values (not yet compressed): the chunk's size if written now, roughly.</summary>
    public long PendingBytes => _dataPages.Length + PageValueBytes;

    /// <summary>Nulls over the whole file (for the write result).</summary>
    public long FileNullCount { get; private set; }

    public long FileValueCount { get; private set; }

    /// <summary>Encoded size of the buffered page's values.</summary>
    protected abstract int PageValueBytes { get; }

    /// <summary>True while values are dictionary-encoded.</summary>
    protected abstract bool DictionaryActive { get; }

    /// <summary>True once the dictionary passed its size limit: the current page is flushed and later ones are PLAIN.</summary>
    protected abstract bool DictionaryFull { get; }

    protected abstract int DictionaryCount { get; }

    /// <summary>Total bytes of the dictionary's entries in PLAIN form (its page size).</summary>
    protected abstract long DictionaryBytes { get; }

    /// <summary>NaN values over the whole file (FLOAT and DOUBLE leaves; 0 for other types).</summary>
    public virtual long FileNaNCount => 0;

    /// <summary>Adds the values at <paramref name="indices"/> of <paramref name="vector"/> to the open page.</summary>
    protected abstract void AddValues(Data.ColumnVector vector, ReadOnlySpan<int> indices);

    /// <summary>Adds entries [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) of <paramref name="vector"/>, all present, to the open page.</summary>
    protected abstract void AddRange(Data.ColumnVector vector, int start, int count);

    /// <summary>
    /// Re-encodes the open page's dictionary indices as PLAIN values and drops the dictionary: only called while no
    /// page of the chunk has been written with the dictionary, so the chunk ends up without one.
    /// </summary>
    protected abstract void AbandonDictionary();

    /// <summary>PLAIN-encodes the buffered page values (or RLE dictionary indices) into <paramref name="output"/> and forgets them.</summary>
    protected abstract ParquetEncoding EncodePageValues(GrowableBuffer<byte> output);

    protected abstract void StopDictionary();

    protected abstract void EncodeDictionary(GrowableBuffer<byte> output);

    protected abstract void ResetChunk();

    /// <summary>Chunk statistics in footer form.</summary>
    protected abstract Statistics? ChunkStatistics();

    /// <summary>File-wide min/max in canonical boxed form.</summary>
    public abstract (object? Min, object? Max) FileMinMax();

    public void Append(LeafBatch batch, int rows)
    {
        if (DictionaryActive && DictionaryFull)
        {
            FlushPage();
            StopDictionary();
        }

        int values;
        if (batch.Uniform)
        {
            _def.AddRun(batch.UniformDef, Column.MaxDef > 0 ? batch.LevelCount : 0);
            _rep.AddRun(0, Column.MaxRep > 0 ? batch.LevelCount : 0);
            values = batch.DenseCount;
            if (values > 0)
            {
                AddRange(batch.Vector!, batch.DenseStart, values);
            }
        }
        else
        {
            if (Column.MaxDef > 0)
            {
                _def.AddRange(batch.Def.Span);
            }

            if (Column.MaxRep > 0)
            {
                _rep.AddRange(batch.Rep.Span);
            }

            var indices = batch.ValueIndices.Span;
            values = indices.Length;
            if (values > 0)
            {
                AddValues(batch.Vector!, indices);
            }
        }

        _pageLevels += batch.LevelCount;
        _pageRows += rows;
        _pageValues += values;
        if (DictionaryActive && !_dictionaryJudged)
        {
            _dictionaryValues += values;
            JudgeDictionary();
        }

        if (PageValueBytes + (_pageLevels / 4) >= Options.PageSize)
        {
            FlushPage();
        }
    }

    /// <summary>
    /// Gives the dictionary up early when it cannot pay: once a quarter of the entries that fit in
    /// <see cref="ParquetWriterOptions.DictionaryPageSizeLimit"/> have been seen (and at least 4096 values), more than
    /// 90% distinct values means, for values drawn at random, about 1.2 times (or more) as many distinct values as fit:
    /// the dictionary would overflow anyway (unique keys, measurements, high-cardinality strings). Hashing stops there
    /// instead of at the limit, and while no page has used the dictionary yet the chunk is written without one.
    /// Low-cardinality and skewed columns repeat values early and keep their dictionary.
    /// </summary>
    private void JudgeDictionary()
    {
        var distinct = DictionaryCount;
        if (_dictionaryValues < 4096 || distinct == 0)
        {
            return;
        }

        var entryBytes = Math.Max(1.0, (double)DictionaryBytes / distinct);
        var fitting = Options.DictionaryPageSizeLimit / entryBytes;
        if (_dictionaryValues < fitting / 4)
        {
            return;
        }

        _dictionaryJudged = true;
        if (distinct <= _dictionaryValues * 0.9)
        {
            return;
        }

        if (_encodings.Contains(ParquetEncoding.RleDictionary))
        {
            FlushPage();
            StopDictionary();
        }
        else
        {
            AbandonDictionary();
        }
    }

    private void FlushPage()
    {
        if (_pageLevels == 0)
        {
            return;
        }

        _page.Clear();
        var v2 = Options.UseDataPageV2;
        var repLength = Column.MaxRep > 0 ? WriteLevels(_rep, Column.MaxRep, !v2) : 0;
        var defLength = Column.MaxDef > 0 ? WriteLevels(_def, Column.MaxDef, !v2) : 0;
        var levelBytes = _page.Count;
        var encoding = EncodePageValues(_page);
        _encodings.Add(encoding);
        var nulls = _pageLevels - _pageValues;
        PageHeader header;
        if (v2)
        {
            var compressedValues = Compress(_page.Span[levelBytes..]);
            header = new PageHeader
            {
                Type = PageType.DataPageV2,
                UncompressedPageSize = _page.Count,
                CompressedPageSize = levelBytes + compressedValues.Length,
                DataPageHeaderV2 = new DataPageHeaderV2
                {
                    NumValues = _pageLevels, NumNulls = nulls, NumRows = _pageRows, Encoding = encoding,
                    DefinitionLevelsByteLength = defLength, RepetitionLevelsByteLength = repLength, IsCompressed = true,
                },
            };
            WritePage(header, _page.Span[..levelBytes], compressedValues);
        }
        else
        {
            var compressed = Compress(_page.Span);
            header = new PageHeader
            {
                Type = PageType.DataPage,
                UncompressedPageSize = _page.Count,
                CompressedPageSize = compressed.Length,
                DataPageHeader = new DataPageHeader { NumValues = _pageLevels, Encoding = encoding },
            };
            WritePage(header, default, compressed);
        }

        _chunkLevels += _pageLevels;
        _chunkNulls += nulls;
        _def.Clear();
        _rep.Clear();
        _pageLevels = 0;
        _pageValues = 0;
        _pageRows = 0;
    }

    private int WriteLevels(RunBuffer levels, int max, bool lengthPrefix)
    {
        var start = _page.Count;
        if (lengthPrefix)
        {
            _page.Advance(4);
        }

        var width = BitPacking.BitWidth((ulong)max);
        var written = levels.Encode(width, _page);
        if (lengthPrefix)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_page.Array.AsSpan(start), written);
        }

        return written;
    }

    private ReadOnlySpan<byte> Compress(ReadOnlySpan<byte> data)
    {
        _compressed.Clear();
        _compressed.Ensure(_codec.MaxCompressedLength(data.Length));
        var n = _codec.Compress(data, _compressed.Array);
        return _compressed.Array.AsSpan(0, n);
    }

    private void WritePage(PageHeader header, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> body)
    {
        _header.Clear();
        header.Write(new ThriftCompactWriter(_header));
        _dataPages.Write(_header.Span);
        _dataPages.Write(prefix);
        _dataPages.Write(body);
        _chunkUncompressed += _header.Count + header.UncompressedPageSize;
    }

    /// <summary>Flushes the last page and writes the chunk (dictionary page first) to <paramref name="output"/> at <paramref name="offset"/>.</summary>
    public ColumnChunk WriteChunk(Stream output, long offset)
    {
        FlushPage();
        long? dictionaryOffset = null;
        long written = 0;
        long uncompressed = _chunkUncompressed;
        var encodings = new List<ParquetEncoding>();
        // A chunk whose pages say RLE_DICTIONARY needs a dictionary page even when no value was written (all nulls):
        // readers such as DuckDB reject the chunk otherwise. An empty PLAIN dictionary page is valid.
        if (_encodings.Contains(ParquetEncoding.RleDictionary))
        {
            _page.Clear();
            EncodeDictionary(_page);
            var compressed = Compress(_page.Span);
            var header = new PageHeader
            {
                Type = PageType.DictionaryPage,
                UncompressedPageSize = _page.Count,
                CompressedPageSize = compressed.Length,
                DictionaryPageHeader = new DictionaryPageHeader { NumValues = DictionaryCount, Encoding = ParquetEncoding.Plain },
            };
            _header.Clear();
            header.Write(new ThriftCompactWriter(_header));
            output.Write(_header.Span);
            output.Write(compressed);
            dictionaryOffset = offset;
            written = _header.Count + compressed.Length;
            uncompressed += _header.Count + _page.Count;
            encodings.Add(ParquetEncoding.Plain);
        }

        _dataPages.CopyTo(output);
        var dataOffset = offset + written;
        written += _dataPages.Length;
        foreach (var e in _encodings)
        {
            if (!encodings.Contains(e))
            {
                encodings.Add(e);
            }
        }

        if (Column.MaxDef > 0 || Column.MaxRep > 0)
        {
            encodings.Add(ParquetEncoding.Rle);
        }

        var meta = new ColumnMetaData
        {
            Type = Column.Physical,
            Encodings = encodings,
            PathInSchema = [.. Column.Path],
            Codec = _codec.Codec,
            NumValues = _chunkLevels,
            TotalUncompressedSize = uncompressed,
            TotalCompressedSize = written,
            DataPageOffset = dataOffset,
            DictionaryPageOffset = dictionaryOffset,
            Statistics = ChunkStatistics() ?? new Statistics(),
        };
        meta.Statistics.NullCount = _chunkNulls;
        FileNullCount += _chunkNulls;
        FileValueCount += _chunkLevels;
        _dataPages.Clear();
        _encodings.Clear();
        _chunkUncompressed = 0;
        _chunkLevels = 0;
        RawBytes = 0;
        _chunkNulls = 0;
        _dictionaryValues = 0;
        _dictionaryJudged = false;
        ResetChunk();
        return new ColumnChunk { FileOffset = offset, MetaData = meta };
    }

    /// <summary>Returns pooled buffers (pages, levels, values, dictionaries); the writer must not be used afterwards.</summary>
    public void Dispose()
    {
        _dataPages.Dispose();
        _def.Dispose();
        _rep.Dispose();
        _page.Dispose();
        _compressed.Dispose();
        _header.Dispose();
        ReleaseBuffers();
    }

    /// <summary>Returns the subclass's pooled buffers.</summary>
    protected abstract void ReleaseBuffers();
}
