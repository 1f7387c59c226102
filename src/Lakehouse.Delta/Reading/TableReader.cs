using System.Runtime.CompilerServices;
using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Delta.Storage;
using Lakehouse.Parquet;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Reading;

/// <summary>
/// Reads the rows of a snapshot: every live file through the Parquet reader, partition columns materialised from the
/// log, columns missing from older files as nulls, everything in the snapshot's schema (or the requested columns).
/// </summary>
internal static class TableReader
{
    public static async IAsyncEnumerable<RecordBatch> ReadAsync(
        IObjectStore store, Snapshot snapshot, IReadOnlyList<string>? columns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var schema = Project(snapshot.Schema, columns, snapshot.TableUri);
        foreach (var file in snapshot.Files)
        {
            await foreach (var batch in ReadFileAsync(store, snapshot, file, schema, cancellationToken).ConfigureAwait(false))
            {
                yield return batch;
            }
        }
    }

    internal static StructType Project(StructType schema, IReadOnlyList<string>? columns, string tableUri)
    {
        if (columns is null)
        {
            return schema;
        }

        return new StructType(columns.Select(c => schema.TryGetField(c, out var f)
            ? f
            : throw new DeltaProtocolException($"{tableUri} has no column '{c}'. Columns: {string.Join(", ", schema.Fields.Select(x => x.Name))}.")));
    }

    /// <summary>The rows of one live file in <paramref name="schema"/>.</summary>
    public static async IAsyncEnumerable<RecordBatch> ReadFileAsync(
        IObjectStore store, Snapshot snapshot, LiveFile file, StructType schema, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var source = await ObjectRandomAccessSource.OpenAsync(store, file.Key, file.Size, cancellationToken).ConfigureAwait(false);
        ParquetFileReader reader;
        try
        {
            reader = await ParquetFileReader.OpenAsync(source, cancellationToken).ConfigureAwait(false);
        }
        catch (ParquetFormatException ex)
        {
            throw new DeltaProtocolException($"Data file {source.Name} of {snapshot.TableUri} version {snapshot.Version} is not readable Parquet: {ex.Message}", ex);
        }

        using (reader)
        {
            var partitionColumns = new HashSet<string>(snapshot.PartitionColumns, StringComparer.OrdinalIgnoreCase);
            var fileColumns = schema.Fields
                .Where(f => !partitionColumns.Contains(f.Name) && reader.Schema.IndexOf(f.Name) >= 0)
                .Select(f => reader.Schema.Fields[reader.Schema.IndexOf(f.Name)].Name)
                .ToArray();
            for (var g = 0; g < reader.RowGroups.Count; g++)
            {
                var rows = (int)reader.RowGroups[g].RowCount;
                RecordBatch? data = fileColumns.Length == 0 ? null : await reader.ReadRowGroupAsync(g, fileColumns, cancellationToken).ConfigureAwait(false);
                var vectors = new ColumnVector[schema.Fields.Count];
                for (var i = 0; i < vectors.Length; i++)
                {
                    var field = schema.Fields[i];
                    if (partitionColumns.Contains(field.Name))
                    {
                        file.PartitionValues.TryGetValue(field.Name, out var value);
                        vectors[i] = VectorConformer.Constant(field.Type, value, rows);
                    }
                    else if (data is not null && data.Schema.IndexOf(field.Name) >= 0)
                    {
                        vectors[i] = VectorConformer.Conform(data.Column(field.Name), field.Type);
                    }
                    else
                    {
                        vectors[i] = VectorConformer.Constant(field.Type, null, rows);
                    }
                }

                yield return new RecordBatch(schema, vectors);
            }
        }
    }
}
