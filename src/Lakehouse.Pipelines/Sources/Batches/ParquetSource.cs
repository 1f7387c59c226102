using System.Runtime.CompilerServices;
using Lakehouse.Parquet;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Pipelines.Sources.Batches;

/// <summary>
/// Opens Parquet source files with Lakehouse.Parquet and hands their row groups to <see cref="RecordBatchSourceReader"/>.
/// Parquet errors become <see cref="SourceFormatException"/> so the file is quarantined like any unreadable source.
/// </summary>
internal static class ParquetSource
{
    public static async Task<ISourceReader> OpenAsync(
        SourceDefinition source, IRandomAccessSource file, string sourceUri, SourceReadContext context, IDisposable? owned, CancellationToken cancellationToken)
    {
        if (source.MaxFileSizeMb is { } mb && file.Length > mb * 1024 * 1024)
        {
            throw new SourceFormatException(sourceUri, $"the file is {file.Length / (1024 * 1024)} MB, larger than the source's limit of {mb} MB (maxFileSizeMb).");
        }

        ParquetFileReader reader;
        try
        {
            reader = await ParquetFileReader.OpenAsync(file, cancellationToken);
        }
        catch (ParquetFormatException e)
        {
            owned?.Dispose();
            throw new SourceFormatException(sourceUri, $"not a readable Parquet file: {e.Message}", innerException: e);
        }

        return new RecordBatchSourceReader(source, reader.Schema, Read(reader, sourceUri, cancellationToken), sourceUri, context, new Owner(reader, owned));
    }

    private static async IAsyncEnumerable<RecordBatch> Read(ParquetFileReader reader, string sourceUri, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var g = 0; g < reader.RowGroups.Count; g++)
        {
            RecordBatch batch;
            try
            {
                batch = await reader.ReadRowGroupAsync(g, null, cancellationToken);
            }
            catch (ParquetFormatException e)
            {
                throw new SourceFormatException(sourceUri, $"row group {g} cannot be read: {e.Message}", innerException: e);
            }

            yield return batch;
        }
    }

    private sealed class Owner(ParquetFileReader reader, IDisposable? owned) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await reader.DisposeAsync();
            owned?.Dispose();
        }
    }
}
