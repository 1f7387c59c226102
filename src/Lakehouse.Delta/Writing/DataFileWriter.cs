using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Reading;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Parquet;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Writing;

/// <summary>
/// Writes data files for a table: one Parquet file per partition of a batch, in Hive-style folders with Spark's
/// escaping, unique names (<c>part-00000-&lt;uuid&gt;-c000.snappy.parquet</c>, never overwritten), and the <c>add</c>
/// action with Spark-like stats.
/// </summary>
internal static class DataFileWriter
{
    public static async Task<List<AddFile>> WriteAsync(
        DeltaTable table, MetadataAction metadata, RecordBatch batch, bool dataChange, CancellationToken cancellationToken)
    {
        var schema = metadata.Schema;
        foreach (var column in metadata.PartitionColumns)
        {
            if (batch.Schema.IndexOf(column) < 0)
            {
                throw new DeltaWriteException($"The data written to {table.TableUri} has no partition column '{column}'. Add it to the data.");
            }
        }

        // Align data column names and types with the table (names case-insensitive; types already checked by evolution).
        var aligned = Align(batch, schema);
        new WriteValidator(schema, table.TableUri).Validate(aligned);
        var properties = TableProperties.From(metadata.Configuration);
        var adds = new List<AddFile>();
        foreach (var part in PartitionSplitter.Split(aligned, schema, metadata.PartitionColumns))
        {
            adds.Add(await WriteFileAsync(table, metadata, part.Values, [part.Data], properties, dataChange, cancellationToken).ConfigureAwait(false));
        }

        return adds;
    }

    /// <summary>Writes <paramref name="batches"/> (data columns only, one schema) as one file of one partition.</summary>
    public static async Task<AddFile> WriteFileAsync(
        DeltaTable table, MetadataAction metadata, IReadOnlyDictionary<string, string?> partitionValues, IReadOnlyList<RecordBatch> batches,
        TableProperties properties, bool dataChange, CancellationToken cancellationToken)
    {
        var dataSchema = batches[0].Schema;
        var stats = new StatsCollector(dataSchema, properties.DataSkippingNumIndexedCols);
        var options = new ParquetWriterOptions { CreatedBy = "lakehouse-delta " + table.CommitOptions.EngineInfo };
        var relative = HivePartitionPath.Directory(metadata.PartitionColumns, partitionValues)
            + $"part-00000-{Guid.NewGuid()}-c000{Extension(options.Compression)}";
        using var buffer = new MemoryStream();
        long size;
        using (var writer = new ParquetFileWriter(buffer, dataSchema, options))
        {
            foreach (var b in batches)
            {
                writer.Write(b);
                stats.Add(b);
            }

            size = writer.Close().FileSize;
        }

        buffer.Position = 0;
        await table.Store.PutAsync(Log.DeltaLogPaths.DataKey(table.TableRoot, relative), buffer, cancellationToken).ConfigureAwait(false);
        return new AddFile
        {
            Path = DeltaPath.Encode(relative),
            PartitionValues = new Dictionary<string, string?>(partitionValues, StringComparer.Ordinal),
            Size = size > 0 ? size : buffer.Length,
            ModificationTime = table.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
            DataChange = dataChange,
            Stats = stats.ToJson(),
        };
    }

    private static string Extension(ParquetCompression compression) => compression switch
    {
        ParquetCompression.Snappy => ".snappy.parquet",
        ParquetCompression.Gzip => ".gz.parquet",
        _ => ".parquet",
    };

    /// <summary>The batch with the table's column names and types (rebuilt only where they differ).</summary>
    internal static RecordBatch Align(RecordBatch batch, StructType tableSchema)
    {
        var fields = new StructField[batch.Schema.Fields.Count];
        var columns = new ColumnVector[fields.Length];
        var changed = false;
        for (var i = 0; i < fields.Length; i++)
        {
            var f = batch.Schema.Fields[i];
            if (tableSchema.TryGetField(f.Name, out var tf))
            {
                columns[i] = VectorConformer.Conform(batch.Columns[i], tf.Type);
                fields[i] = tf;
                changed |= !ReferenceEquals(columns[i], batch.Columns[i]) || !Equals(tf, f);
            }
            else
            {
                columns[i] = batch.Columns[i];
                fields[i] = f;
            }
        }

        return changed ? new RecordBatch(new StructType(fields), columns) : batch;
    }
}
