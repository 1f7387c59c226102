using System.Text.Json;
using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Log;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Parquet;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Maintenance;

/// <summary>
/// Writes a classic single-file checkpoint (<c>N.checkpoint.parquet</c>) of a snapshot and then <c>_last_checkpoint</c>:
/// one row each for protocol, metaData, every txn, every live add and every unexpired remove, with dataChange=false
/// and stats as a JSON string (as Spark does). Writing the same checkpoint twice is harmless (same content, atomic put).
/// </summary>
internal static class CheckpointWriter
{
    public static async Task<LastCheckpointInfo> WriteAsync(DeltaTable table, Snapshot snapshot, CancellationToken cancellationToken)
    {
        var properties = TableProperties.From(snapshot.Metadata.Configuration);
        var cutoff = (table.TimeProvider.GetUtcNow() - properties.DeletedFileRetentionDuration).ToUnixTimeMilliseconds();
        var columns = CheckpointSchema.Schema.Fields.Select(f => ColumnVector.Create(f.Type, 16)).ToArray();
        long rows = 0;

        void Row(int column, object?[] value)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c].AppendValue(c == column ? value : null);
            }

            rows++;
        }

        var p = snapshot.Protocol;
        Row(4, [p.MinReaderVersion, p.MinWriterVersion]);
        var m = snapshot.Metadata;
        Row(3,
        [
            m.Id, m.Name, m.Description, new object?[] { m.Format.Provider, Map(m.Format.Options) }, m.SchemaString,
            m.PartitionColumns.Cast<object?>().ToList(), Map(m.Configuration), m.CreatedTime,
        ]);
        foreach (var txn in snapshot.AppTransactions.Values)
        {
            Row(0, [txn.AppId, txn.Version, txn.LastUpdated]);
        }

        foreach (var f in snapshot.Files)
        {
            var a = f.Add;
            Row(1, [a.Path, Map(a.PartitionValues), a.Size, a.ModificationTime, false, a.Tags is null ? null : Map(a.Tags), a.Stats]);
        }

        foreach (var r in snapshot.Tombstones)
        {
            if ((r.DeletionTimestamp ?? 0) > cutoff)
            {
                Row(2, [r.Path, r.DeletionTimestamp, false, r.ExtendedFileMetadata, r.PartitionValues is null ? null : Map(r.PartitionValues), r.Size, r.Tags is null ? null : Map(r.Tags)]);
            }
        }

        using var buffer = new MemoryStream();
        using (var writer = new ParquetFileWriter(buffer, CheckpointSchema.Schema, new ParquetWriterOptions { EnableDictionary = false }))
        {
            writer.Write(new RecordBatch(CheckpointSchema.Schema, columns));
            writer.Close();
        }

        var sizeInBytes = buffer.Length;
        buffer.Position = 0;
        await table.Store.PutAsync(DeltaLogPaths.CheckpointKey(table.TableRoot, snapshot.Version), buffer, cancellationToken).ConfigureAwait(false);
        var info = new LastCheckpointInfo { Version = snapshot.Version, Size = rows, SizeInBytes = sizeInBytes, NumOfAddFiles = snapshot.Files.Count };
        await WriteLastCheckpointAsync(table, info, cancellationToken).ConfigureAwait(false);
        return info;
    }

    /// <summary>Points _last_checkpoint at <paramref name="info"/> unless it already points at a newer checkpoint.</summary>
    private static async Task WriteLastCheckpointAsync(DeltaTable table, LastCheckpointInfo info, CancellationToken cancellationToken)
    {
        var current = await LogListing.TryReadLastCheckpointAsync(table.Store, table.TableRoot, cancellationToken).ConfigureAwait(false);
        if (current is not null && current.Version > info.Version)
        {
            return;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(info, LogJsonContext.Default.LastCheckpointInfo);
        using var stream = new MemoryStream(bytes, writable: false);
        await table.Store.PutAsync(DeltaLogPaths.LastCheckpointKey(table.TableRoot), stream, cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<string, string?> Map<TValue>(IReadOnlyDictionary<string, TValue>? source)
        where TValue : class?
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (source is not null)
        {
            foreach (var (k, v) in source)
            {
                map[k] = v as string;
            }
        }

        return map;
    }
}
