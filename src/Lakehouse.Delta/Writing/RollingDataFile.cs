using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Log;
using Lakehouse.Delta.Partitions;
using Lakehouse.Parquet;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Writing;

/// <summary>
/// One data file being written: batches become row groups of one Parquet file that is uploaded while it is written
/// (<see cref="ObjectUploadStream"/>), with its <c>add.stats</c> taken from the writer's statistics. <see cref="CloseAsync"/> writes
/// the footer, waits for the object and returns the <c>add</c> action; disposing an unclosed file abandons its upload.
/// </summary>
internal sealed class RollingDataFile : IAsyncDisposable
{
    private readonly DeltaTable _table;
    private readonly string _relativePath;
    private readonly IReadOnlyDictionary<string, string?> _partitionValues;
    private readonly ObjectUploadStream _upload;
    private readonly ParquetFileWriter _writer;
    private readonly StatsCollector _stats;
    private bool _closed;

    private RollingDataFile(
        DeltaTable table, string relativePath, IReadOnlyDictionary<string, string?> partitionValues, StructType dataSchema,
        ParquetWriterOptions options, int numIndexedColumns, CancellationToken cancellationToken)
    {
        _table = table;
        _relativePath = relativePath;
        _partitionValues = partitionValues;
        _stats = new StatsCollector(dataSchema, numIndexedColumns);
        _upload = ObjectUploadStream.Start(table.Store, DeltaLogPaths.DataKey(table.TableRoot, relativePath), cancellationToken);
        _writer = new ParquetFileWriter(_upload, dataSchema, options);
    }

    /// <summary>Starts a new file (unique name, never overwritten) in the partition's Hive-style folder.</summary>
    public static RollingDataFile Start(
        DeltaTable table, IReadOnlyList<string> partitionColumns, IReadOnlyDictionary<string, string?> partitionValues, StructType dataSchema,
        ParquetWriterOptions options, int numIndexedColumns, CancellationToken cancellationToken)
    {
        var relative = HivePartitionPath.Directory(partitionColumns, partitionValues) + $"part-00000-{Guid.NewGuid()}-c000{Extension(options.Compression)}";
        return new RollingDataFile(table, relative, partitionValues, dataSchema, options, numIndexedColumns, cancellationToken);
    }

    /// <summary>The data schema of the file (partition columns excluded).</summary>
    public StructType Schema => _writer.Schema;

    public long Rows => _stats.NumRecords;

    /// <summary>Bytes the file would have if closed now (uploaded plus buffered pages).</summary>
    public long EstimatedSize => _writer.EstimatedFileSize;

    /// <summary>Bytes of the open row group held in memory.</summary>
    public long BufferedBytes => _writer.BufferedBytes;

    /// <summary>When rows were last written to the file, in the owner's own sequence (for closing the least recent).</summary>
    public long LastWrite { get; set; }

    /// <summary>Writes the open row group out (freeing its memory) and lets the upload catch up; the file stays open.</summary>
    public async Task EndRowGroupAsync(CancellationToken cancellationToken)
    {
        _writer.EndRowGroup();
        await _upload.DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Encodes <paramref name="batch"/> (in <see cref="Schema"/>), then lets the upload catch up. The stats come from
    /// the writer's own statistics when the file closes; only rows (and array/map nulls) are counted here.
    /// </summary>
    public async Task WriteAsync(RecordBatch batch, CancellationToken cancellationToken)
    {
        _writer.Write(batch);
        _stats.AddRows(batch);
        await _upload.DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the footer, waits until the object is stored and returns its <c>add</c> action.</summary>
    public async Task<AddFile> CloseAsync(bool dataChange, CancellationToken cancellationToken)
    {
        var result = _writer.Close();
        _stats.SetFromFile(result);
        await _upload.CompleteAsync(cancellationToken).ConfigureAwait(false);
        _closed = true;
        return new AddFile
        {
            Path = DeltaPath.Encode(_relativePath),
            PartitionValues = new Dictionary<string, string?>(_partitionValues, StringComparer.Ordinal),
            Size = result.FileSize > 0 ? result.FileSize : _upload.BytesWritten,
            ModificationTime = _table.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
            DataChange = dataChange,
            Stats = _stats.ToJson(),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            _closed = true;
            _writer.Dispose();
            await _upload.AbortAsync().ConfigureAwait(false);
        }
    }

    internal static string Extension(ParquetCompression compression) => compression switch
    {
        ParquetCompression.Snappy => ".snappy.parquet",
        ParquetCompression.Gzip => ".gz.parquet",
        _ => ".parquet",
    };
}
