using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Sources;

/// <summary>
/// Streams one source file as <see cref="RecordBatch"/>es in <see cref="OutputSchema"/>. Opening a reader has
/// already inferred the file's schema from a sample and applied schema evolution. Reading is single-pass with
/// bounded memory. Unreadable content throws <see cref="SourceFormatException"/>; values that do not fit their
/// column are never dropped: they are null in the column and kept in the rescued data column.
/// </summary>
public interface ISourceReader : IAsyncDisposable
{
    string SourceUri { get; }

    /// <summary>This file's data columns as inferred from the sample, with schema hints applied.</summary>
    StructType FileSchema { get; }

    /// <summary>The evolution decision; <c>SchemaChanged</c> means the table's schema must be updated with the data.</summary>
    SchemaEvolutionResult Evolution { get; }

    /// <summary>
    /// The schema of every batch and the table's schema after this file: data columns, then the rescued data column
    /// and the metadata columns (<c>_source_file</c>, <c>_ingested_at</c>, <c>_ingest_date</c> when partitioned by it),
    /// in the table's existing order for existing tables.
    /// </summary>
    StructType OutputSchema { get; }

    /// <summary>Counters so far (final once <see cref="ReadBatchesAsync"/> completes).</summary>
    SourceReadStats Stats { get; }

    /// <summary>Reads the file to the end in batches of up to <see cref="SourceReaderOptions.BatchSize"/> rows. Call once.</summary>
    IAsyncEnumerable<RecordBatch> ReadBatchesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Hands back a batch this reader returned once the caller is done with it (nothing may read it afterwards), so
    /// later batches reuse its buffers instead of allocating new ones: memory stays flat however long the file.
    /// Optional; readers that cannot reuse buffers ignore it.
    /// </summary>
    void Recycle(RecordBatch batch)
    {
    }
}
