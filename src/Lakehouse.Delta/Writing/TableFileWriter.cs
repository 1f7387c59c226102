using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Schema;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Delta.Transactions;
using Lakehouse.Parquet;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Writing;

/// <summary>
/// Writes many batches into a transaction's data files: each partition's batches become row groups of one open
/// Parquet file, streamed to the store while it is written, and a file is closed (and its <c>add</c> staged in the
/// transaction at once) when it reaches the target file size (<see cref="WriteOptions.TargetFileSize"/>, else the
/// table's <c>delta.targetFileSize</c>), when the data's columns change, or on <see cref="CompleteAsync"/>.
/// Memory is bounded by the row groups held for the open files and their upload pipes, not by the data written:
/// at most <see cref="WriteOptions.MaxOpenFiles"/> files are open (the least recently written is closed to open
/// another), and past <see cref="WriteOptions.MaxBufferedBytes"/> over all of them the largest row group is written
/// out early.
/// </summary>
/// <remarks>
/// Get one from <see cref="DeltaTransaction.OpenFileWriter"/>. Not thread-safe. Disposing it without
/// <see cref="CompleteAsync"/> abandons the files still open (their uploads never appear); files already closed are
/// in <see cref="DeltaTransaction.AddedFiles"/>, and the caller deletes them if it gives the transaction up.
/// </remarks>
public sealed class TableFileWriter : IAsyncDisposable
{
    private readonly DeltaTransaction _transaction;
    private readonly DeltaTable _table;
    private readonly WriteOptions _options;
    private readonly Dictionary<string, RollingDataFile> _open = new(StringComparer.Ordinal);
    private readonly ParquetWriterOptions _parquetOptions;
    private readonly List<AddFile> _staged = [];
    private long _writes;
    private bool _completed;

    internal TableFileWriter(DeltaTransaction transaction, DeltaTable table, WriteOptions options)
    {
        _transaction = transaction;
        _table = table;
        _options = options;
        _parquetOptions = new ParquetWriterOptions { CreatedBy = "lakehouse-delta " + table.CommitOptions.EngineInfo };
    }

    /// <summary>Files written and staged so far by this writer.</summary>
    public int FilesClosed { get; private set; }

    /// <summary>Files open now (at most <see cref="WriteOptions.MaxOpenFiles"/>).</summary>
    public int OpenFiles => _open.Count;

    /// <summary>
    /// Appends <paramref name="batch"/>: evolves the schema first when <see cref="WriteOptions.MergeSchema"/> allows,
    /// checks NOT NULL columns and invariants, and routes rows to their partitions' open files.
    /// </summary>
    public async Task WriteAsync(RecordBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_completed, this);
        var current = _transaction.Metadata;
        var merged = SchemaEvolution.Merge(current.Schema, batch.Schema, _options.MergeSchema, _table.TableUri);
        if (!ReferenceEquals(merged, current.Schema))
        {
            _transaction.UpdateMetadata(current with { SchemaString = SchemaJson.Serialize(merged) });
        }

        if (batch.RowCount == 0)
        {
            return;
        }

        var metadata = _transaction.Metadata;
        var schema = metadata.Schema;
        foreach (var column in metadata.PartitionColumns)
        {
            if (batch.Schema.IndexOf(column) < 0)
            {
                throw new DeltaWriteException($"The data written to {_table.TableUri} has no partition column '{column}'. Add it to the data.");
            }
        }

        var aligned = DataFileWriter.Align(batch, schema);
        new WriteValidator(schema, _table.TableUri).Validate(aligned);
        var properties = TableProperties.From(metadata.Configuration);
        var target = _options.TargetFileSize ?? properties.TargetFileSize;
        foreach (var part in PartitionSplitter.Split(aligned, schema, metadata.PartitionColumns))
        {
            var key = HivePartitionPath.Directory(metadata.PartitionColumns, part.Values);
            if (_open.TryGetValue(key, out var file) && !SameColumns(file.Schema, part.Data.Schema))
            {
                await CloseAsync(key, file, cancellationToken).ConfigureAwait(false);
                file = null;
            }

            if (file is null)
            {
                if (_open.Count >= Math.Max(1, _options.MaxOpenFiles))
                {
                    var (oldestKey, oldest) = _open.MinBy(kv => kv.Value.LastWrite);
                    await CloseAsync(oldestKey, oldest, cancellationToken).ConfigureAwait(false);
                }

                file = RollingDataFile.Start(_table, metadata.PartitionColumns, part.Values, part.Data.Schema, _parquetOptions, properties.DataSkippingNumIndexedCols, cancellationToken);
                _open[key] = file;
            }

            await file.WriteAsync(part.Data, cancellationToken).ConfigureAwait(false);
            file.LastWrite = ++_writes;
            if (file.EstimatedSize >= target)
            {
                await CloseAsync(key, file, cancellationToken).ConfigureAwait(false);
            }
        }

        await KeepBufferedBytesInBoundsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>While the open files hold more than the budget in row groups, the one holding the most writes its row group out.</summary>
    private async Task KeepBufferedBytesInBoundsAsync(CancellationToken cancellationToken)
    {
        if (_open.Count < 2)
        {
            // One file alone is bounded by its row group size already.
            return;
        }

        while (true)
        {
            long total = 0;
            RollingDataFile? largest = null;
            foreach (var f in _open.Values)
            {
                var buffered = f.BufferedBytes;
                total += buffered;
                if (largest is null || buffered > largest.BufferedBytes)
                {
                    largest = f;
                }
            }

            if (total <= _options.MaxBufferedBytes || largest is null || largest.BufferedBytes == 0)
            {
                return;
            }

            var before = largest.BufferedBytes;
            await largest.EndRowGroupAsync(cancellationToken).ConfigureAwait(false);
            if (largest.BufferedBytes >= before)
            {
                return;
            }
        }
    }

    /// <summary>Closes every open file and stages it; returns all <c>add</c> actions this writer staged.</summary>
    public async Task<IReadOnlyList<AddFile>> CompleteAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (key, file) in _open.ToArray())
        {
            await CloseAsync(key, file, cancellationToken).ConfigureAwait(false);
        }

        _completed = true;
        return [.. _staged];
    }

    private async Task CloseAsync(string key, RollingDataFile file, CancellationToken cancellationToken)
    {
        _open.Remove(key);
        await using (file.ConfigureAwait(false))
        {
            var add = await file.CloseAsync(_options.DataChange, cancellationToken).ConfigureAwait(false);
            _transaction.AddFile(add);
            _staged.Add(add);
            FilesClosed++;
        }
    }

    private static bool SameColumns(StructType a, StructType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Fields.Count != b.Fields.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Fields.Count; i++)
        {
            if (!string.Equals(a.Fields[i].Name, b.Fields[i].Name, StringComparison.Ordinal) || !Equals(a.Fields[i].Type, b.Fields[i].Type))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Abandons files still open (their uploads never become visible).</summary>
    public async ValueTask DisposeAsync()
    {
        _completed = true;
        foreach (var file in _open.Values)
        {
            await file.DisposeAsync().ConfigureAwait(false);
        }

        _open.Clear();
    }
}
