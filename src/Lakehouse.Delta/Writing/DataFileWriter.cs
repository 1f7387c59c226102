using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Reading;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Parquet;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Writing;

/// <summary>
/// Data file helpers: one file from given batches (OPTIMIZE), and aligning batches with the table schema. Files are
/// written by <see cref="RollingDataFile"/>: Hive-style folders with Spark's escaping, unique names
/// (<c>part-00000-&lt;uuid&gt;-c000.snappy.parquet</c>, never overwritten), and the <c>add</c> action with Spark-like stats.
/// </summary>
internal static class DataFileWriter
{
    /// <summary>Writes <paramref name="batches"/> (data columns only, one schema) as one file of one partition.</summary>
    public static async Task<AddFile> WriteFileAsync(
        DeltaTable table, MetadataAction metadata, IReadOnlyDictionary<string, string?> partitionValues, IReadOnlyList<RecordBatch> batches,
        TableProperties properties, bool dataChange, CancellationToken cancellationToken)
    {
        var options = new ParquetWriterOptions { CreatedBy = "lakehouse-delta " + table.CommitOptions.EngineInfo };
        await using var file = RollingDataFile.Start(
            table, metadata.PartitionColumns, partitionValues, batches[0].Schema, options, properties.DataSkippingNumIndexedCols, cancellationToken);
        foreach (var b in batches)
        {
            await file.WriteAsync(b, cancellationToken).ConfigureAwait(false);
        }

        return await file.CloseAsync(dataChange, cancellationToken).ConfigureAwait(false);
    }

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
