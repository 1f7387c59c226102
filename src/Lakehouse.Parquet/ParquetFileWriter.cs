using Lakehouse.Parquet.Compression;
using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Columns.Writing;
using Lakehouse.Parquet.IO;
using Lakehouse.Parquet.Meta;
using Lakehouse.Parquet.Schema;

namespace Lakehouse.Parquet;

/// <summary>
/// Writes a Parquet file from <see cref="RecordBatch"/>es. Rows are shredded and encoded into compressed pages as
/// they arrive; a row group is written once its uncompressed size estimate reaches
/// <see cref="ParquetWriterOptions.RowGroupSize"/>, so memory stays bounded by one row group of compressed pages.
/// The output is written strictly forward (it need not be seekable, e.g. an S3 upload stream) and is not closed.
/// </summary>
public sealed class ParquetFileWriter : IDisposable
{
    private const int SliceRows = 4096;
    private const int ChunkRows = 16 * SliceRows;
    private static readonly byte[] Magic = "PAR1"u8.ToArray();
    private readonly CountingStream _output;
    private readonly ParquetWriterOptions _options;
    private readonly ParquetSchema _schema;
    private readonly ColumnChunkWriter[] _columns;
    private readonly LeafBatch[] _leafBatches;
    private readonly Shredder _shredder;
    private readonly List<RowGroup> _rowGroups = [];
    private long _rowGroupRows;
    private long _totalRows;
    private readonly ParallelOptions _parallel;
    private ParquetWriteResult? _result;

    /// <summary>Starts a file on <paramref name="output"/> (the magic bytes are written immediately).</summary>
    public ParquetFileWriter(Stream output, StructType schema, ParquetWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(schema);
        _options = options ?? new ParquetWriterOptions();
        if (_options.PageSize <= 0 || _options.RowGroupSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "PageSize and RowGroupSize must be positive.");
        }

        _parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism) };
        _schema = SchemaWriterMapping.Build(schema);
        _columns = _schema.Leaves.Select(CreateColumnWriter).ToArray();
        _leafBatches = _schema.Leaves.Select(_ => new LeafBatch()).ToArray();
        _shredder = new Shredder(_leafBatches);
        _output = new CountingStream(output);
        _output.Write(Magic);
    }

    /// <summary>The schema rows are written with.</summary>
    public StructType Schema => _schema.Type;

    /// <summary>
    /// Bytes written to the output so far plus the pages buffered for the open row group (the open page's values
    /// uncompressed): about what the file would measure if closed now (footer aside). Writers that roll files at a target size watch it.
    /// </summary>
    public long EstimatedFileSize => _output.Position64 + BufferedBytes;

    /// <summary>
    /// Bytes the open row group holds in memory (its compressed pages plus the open pages' encoded values): what
    /// <see cref="EndRowGroup"/> would write out and free.
    /// </summary>
    public long BufferedBytes
    {
        get
        {
            long total = 0;
            foreach (var c in _columns)
            {
                total += c.PendingBytes;
            }

            return total;
        }
    }

    /// <summary>
    /// Ends the open row group now, before it reaches <see cref="ParquetWriterOptions.RowGroupSize"/>, and writes it to
    /// the output: for callers that bound the memory of many files open at once. The next rows start a new row group;
    /// nothing happens when the open row group has no rows.
    /// </summary>
    public void EndRowGroup()
    {
        ObjectDisposedException.ThrowIf(_result is not null, this);
        FlushRowGroup();
    }

    private ColumnChunkWriter CreateColumnWriter(ColumnDescriptor column)
    {
        var codec = CodecFactory.Create(_options.Compression);
        return column.Physical switch
        {
            PhysicalType.Boolean => new BooleanColumnWriter(column, _options, codec),
            PhysicalType.Int32 => new FixedColumnWriter<int>(column, _options, codec),
            PhysicalType.Int64 => new FixedColumnWriter<long>(column, _options, codec),
            PhysicalType.Float => new FixedColumnWriter<float>(column, _options, codec),
            PhysicalType.Double => new FixedColumnWriter<double>(column, _options, codec),
            _ => new ByteArrayColumnWriter(column, _options, codec),
        };
    }

    /// <summary>Appends the rows of <paramref name="batch"/>; its schema must match the writer's (names, types, nullability).</summary>
    public void Write(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_result is not null, this);
        CheckSchema(batch.Schema);
        for (var start = 0; start < batch.RowCount;)
        {
            var end = Math.Min(batch.RowCount, start + NextChunkRows());
            if (_parallel.MaxDegreeOfParallelism > 1 && _schema.Fields.Count > 1 && end - start >= SliceRows)
            {
                try
                {
                    Parallel.For(0, _schema.Fields.Count, _parallel, f => WriteField(f, batch, start, end));
                }
                catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
                }
            }
            else
            {
                for (var f = 0; f < _schema.Fields.Count; f++)
                {
                    WriteField(f, batch, start, end);
                }
            }

            _rowGroupRows += end - start;
            _totalRows += end - start;
            start = end;
            if (EstimatedRowGroupSize() >= _options.RowGroupSize)
            {
                FlushRowGroup();
            }
        }
    }

    /// <summary>Rows to process before the next row group size check: as many as still fit by the bytes per row so far.</summary>
    private int NextChunkRows()
    {
        if (_rowGroupRows == 0)
        {
            return SliceRows;
        }

        var size = EstimatedRowGroupSize();
        var perRow = Math.Max(1.0, (double)size / _rowGroupRows);
        var fit = (_options.RowGroupSize - size) / perRow;
        return (int)Math.Clamp(fit, SliceRows, ChunkRows);
    }

    /// <summary>Shreds and encodes rows [start, end) of one top-level field; fields touch disjoint leaves, so they run in parallel.</summary>
    private void WriteField(int f, RecordBatch batch, int start, int end)
    {
        var field = _schema.Fields[f];
        for (var sliceStart = start; sliceStart < end; sliceStart += SliceRows)
        {
            var sliceEnd = Math.Min(end, sliceStart + SliceRows);
            for (var l = field.FirstLeaf; l < field.EndLeaf; l++)
            {
                _leafBatches[l].Reset();
            }

            _shredder.Shred(field, batch.Columns[f], sliceStart, sliceEnd);
            for (var l = field.FirstLeaf; l < field.EndLeaf; l++)
            {
                _columns[l].Append(_leafBatches[l], sliceEnd - sliceStart);
            }
        }
    }

    private long EstimatedRowGroupSize()
    {
        long total = 0;
        foreach (var c in _columns)
        {
            total += c.EstimatedSize;
        }

        return total;
    }

    private void CheckSchema(StructType actual)
    {
        var expected = _schema.Type;
        if (ReferenceEquals(actual, expected))
        {
            return;
        }

        var ok = actual.Fields.Count == expected.Fields.Count;
        for (var i = 0; ok && i < actual.Fields.Count; i++)
        {
            ok = string.Equals(actual.Fields[i].Name, expected.Fields[i].Name, StringComparison.Ordinal) && Equals(actual.Fields[i].Type, expected.Fields[i].Type);
        }

        if (!ok)
        {
            throw new ParquetFormatException($"The batch schema {actual} does not match the Parquet writer's schema {expected}. Convert the batch to the writer's schema first.");
        }
    }

    private void FlushRowGroup()
    {
        if (_rowGroupRows == 0)
        {
            return;
        }

        var start = _output.Position64;
        var group = new RowGroup { NumRows = _rowGroupRows, FileOffset = start, Ordinal = (short)Math.Min(_rowGroups.Count, short.MaxValue) };
        foreach (var c in _columns)
        {
            var chunk = c.WriteChunk(_output, _output.Position64);
            group.Columns.Add(chunk);
            group.TotalByteSize += chunk.MetaData!.TotalUncompressedSize;
        }

        group.TotalCompressedSize = _output.Position64 - start;
        _rowGroups.Add(group);
        _rowGroupRows = 0;
    }

    /// <summary>Writes the last row group and the footer and returns what was written. Calling it again returns the same result.</summary>
    public ParquetWriteResult Close()
    {
        if (_result is not null)
        {
            return _result;
        }

        FlushRowGroup();
        var meta = new FileMetaData
        {
            Version = 1,
            Schema = [.. _schema.Elements],
            NumRows = _totalRows,
            RowGroups = _rowGroups,
            CreatedBy = _options.CreatedBy,
        };
        if (_options.KeyValueMetadata is not null)
        {
            foreach (var kv in _options.KeyValueMetadata)
            {
                meta.KeyValueMetadata.Add(new KeyValue(kv.Key, kv.Value));
            }
        }

        using var footer = new GrowableBuffer<byte>(4096);
        meta.Write(new ThriftCompactWriter(footer), _schema.Leaves.Count);
        _output.Write(footer.Span);
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, footer.Count);
        _output.Write(length);
        _output.Write(Magic);
        _output.Flush();

        var stats = new ColumnStatistics[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            var c = _columns[i];
            var (min, max) = c.Column.IsRepeated ? (null, null) : c.FileMinMax();
            stats[i] = new ColumnStatistics(c.Column.Path, min, max, c.FileNullCount, c.FileValueCount) { NaNCount = c.FileNaNCount };
        }

        _result = new ParquetWriteResult(_totalRows, _output.Position64, stats);
        Dispose();
        return _result;
    }

    /// <summary>Releases buffers. Does not write the footer: call <see cref="Close"/> for a complete file.</summary>
    public void Dispose()
    {
        foreach (var c in _columns)
        {
            c.Dispose();
        }

        foreach (var b in _leafBatches)
        {
            b.Dispose();
        }
    }
}
