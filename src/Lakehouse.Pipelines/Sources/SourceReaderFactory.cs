using Lakehouse.Parquet;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources.Batches;
using Lakehouse.Pipelines.Sources.Csv;
using Lakehouse.Pipelines.Sources.Input;
using Lakehouse.Pipelines.Sources.Json;

namespace Lakehouse.Pipelines.Sources;

/// <summary>
/// Opens the reader for a source file: detects gzip, enforces <c>maxFileSizeMb</c>, infers the file's schema from a
/// sample, applies hints and schema evolution against the table's current schema, and returns a reader whose
/// batches are in the resulting output schema.
/// </summary>
public static class SourceReaderFactory
{
    /// <summary>
    /// Opens <paramref name="content"/> (the object's bytes; the reader disposes it) as a reader of
    /// <paramref name="source"/>'s format. Throws <see cref="SourceFormatException"/> for unreadable content and
    /// <see cref="SchemaEvolutionException"/> when the file's columns are refused (failOnNewColumns).
    /// </summary>
    /// <remarks>Parquet sources need a seekable <paramref name="content"/>; with S3, prefer <see cref="OpenParquetAsync"/> over ranged reads.</remarks>
    public static async Task<ISourceReader> OpenAsync(
        SourceDefinition source, Stream content, string sourceUri, SourceReadContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(sourceUri);
        ArgumentNullException.ThrowIfNull(context);
        if (source.Format == SourceFormat.Parquet)
        {
            if (!content.CanSeek)
            {
                throw new NotSupportedException(
                    $"Source '{source.Name}' is Parquet, which needs random access: pass a seekable stream or use OpenParquetAsync with an IRandomAccessSource (ranged reads).");
            }

            var file = new StreamRandomAccessSource(content, sourceUri);
            return await ParquetSource.OpenAsync(source, file, sourceUri, context, new StreamOwner(file, content), cancellationToken);
        }

        var maxBytes = source.MaxFileSizeMb * 1024 * 1024;
        var input = await DecodedInput.OpenAsync(content, sourceUri, maxBytes, cancellationToken);
        try
        {
            return source.Format == SourceFormat.Csv
                ? await CsvSourceReader.OpenAsync(source, input, sourceUri, context, cancellationToken)
                : await JsonLinesSourceReader.OpenAsync(source, input, sourceUri, context, cancellationToken);
        }
        catch
        {
            await input.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens a Parquet source file through random access (e.g. ranged S3 GETs): its schema needs no inference; hints,
    /// evolution, rescued data and metadata columns apply as for text sources. The caller keeps owning <paramref name="file"/>.
    /// </summary>
    public static Task<ISourceReader> OpenParquetAsync(
        SourceDefinition source, IRandomAccessSource file, string sourceUri, SourceReadContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(context);
        return ParquetSource.OpenAsync(source, file, sourceUri, context, null, cancellationToken);
    }

    /// <summary>
    /// The seam for typed sources (Parquet): wraps batches that already have a schema into a reader with the same
    /// contract as the text readers (hints, evolution, rescued data, metadata columns). The ingestion layer opens the
    /// file with Lakehouse.Parquet's <c>ParquetFileReader.OpenAsync(IRandomAccessSource, ct)</c> and passes its schema
    /// and <c>ReadAllAsync(columns, ct)</c> here. Rescued values of such sources carry <c>_row</c> (row within the
    /// batch) instead of <c>_line</c>.
    /// </summary>
    public static ISourceReader OpenBatches(
        SourceDefinition source, StructType fileSchema, IAsyncEnumerable<RecordBatch> batches, string sourceUri, SourceReadContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(fileSchema);
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(context);
        return new RecordBatchSourceReader(source, fileSchema, batches, sourceUri, context);
    }

    private sealed class StreamOwner(StreamRandomAccessSource file, Stream content) : IDisposable
    {
        public void Dispose()
        {
            file.Dispose();
            content.Dispose();
        }
    }
}
