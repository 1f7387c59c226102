using Lakehouse.Pipelines.Definitions;
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
    /// <remarks>
    /// Parquet sources are not read here: open them with <see cref="ParquetSourceOpener"/> once Lakehouse.Parquet's
    /// reader is wired in (see that delegate's docs).
    /// </remarks>
    public static async Task<ISourceReader> OpenAsync(
        SourceDefinition source, Stream content, string sourceUri, SourceReadContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(sourceUri);
        ArgumentNullException.ThrowIfNull(context);
        if (source.Format == SourceFormat.Parquet)
        {
            throw new NotSupportedException(
                $"Source '{source.Name}' is Parquet; open it with the Parquet source seam (ParquetSourceOpener) rather than the text reader factory.");
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
    /// Seam for Parquet sources (issue 6 wiring): a Parquet file already has a schema, so it needs no inference, only
    /// evolution and conforming. The ingestion layer opens the file with Lakehouse.Parquet's
    /// <c>ParquetFileReader.OpenAsync(IRandomAccessSource, ct)</c>, takes its schema, and calls
    /// <see cref="SchemaEvolution.Apply"/> with it; batches from <c>ReadAllAsync</c> then need the rescued and metadata
    /// columns appended in the output schema order.
    /// </summary>
    public delegate Task<ISourceReader> ParquetSourceOpener(SourceDefinition source, Stream content, string sourceUri, SourceReadContext context, CancellationToken cancellationToken);
}
