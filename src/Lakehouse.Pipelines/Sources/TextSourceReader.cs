using System.Runtime.CompilerServices;
using System.Text;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources.Columns;
using Lakehouse.Pipelines.Sources.Input;

namespace Lakehouse.Pipelines.Sources;

/// <summary>
/// Shared machinery of the line-oriented readers (CSV, JSON lines): decoded input in a bounded buffer, schema
/// evolution and the output layout, the batch loop, rescue recording, metadata columns and counters. Subclasses
/// infer a schema from the buffered sample and parse complete records into a <see cref="BatchBuilder"/>.
/// </summary>
internal abstract class TextSourceReader : ISourceReader
{
    /// <summary>Recycled batches kept for reuse; more would only hold memory (parsing runs a few batches ahead at most).</summary>
    private const int MaxSpareBatches = 4;

    private readonly System.Collections.Concurrent.ConcurrentBag<ColumnVector[]> _spare = [];
    private readonly DecodedInput _input;
    private readonly byte[] _uriBytes;
    private bool _started;

    protected TextSourceReader(SourceDefinition source, DecodedInput input, InputBuffer buffer, string sourceUri, SourceReadContext context)
    {
        Source = source;
        _input = input;
        Buffer = buffer;
        SourceUri = sourceUri;
        Context = context;
        Options = context.EffectiveOptions;
        Rescue = new RescueRecorder(sourceUri);
        _uriBytes = Encoding.UTF8.GetBytes(sourceUri);
        ReservedNames = OutputLayout.ReservedNames(source);
    }

    public string SourceUri { get; }

    public StructType FileSchema { get; private set; } = new();

    public SchemaEvolutionResult Evolution { get; private set; } = new(null, [], false, null);

    public StructType OutputSchema => Layout.Schema;

    public SourceReadStats Stats => new(RowsRead, Rescue.RowsRescued + RowsRescuedElsewhere, Rescue.ValuesRescued + ValuesRescuedElsewhere, BadLines, EmptyLines, Buffer.BytesRead, _input.RawBytesRead);

    protected SourceDefinition Source { get; }

    protected SourceReadContext Context { get; }

    protected SourceReaderOptions Options { get; }

    protected InputBuffer Buffer { get; }

    protected RescueRecorder Rescue { get; }

    protected OutputLayout Layout { get; private set; } = null!;

    /// <summary>Names of the reserved output columns; file columns with these names are rescued.</summary>
    protected HashSet<string> ReservedNames { get; }

    /// <summary>Physical line of the next record (1-based).</summary>
    protected long Line { get; set; } = 1;

    protected long RowsRead { get; set; }

    protected long BadLines { get; set; }

    protected long EmptyLines { get; set; }

    /// <summary>Rescue counts of recorders other than <see cref="Rescue"/> (parallel parsers).</summary>
    protected long RowsRescuedElsewhere { get; set; }

    protected long ValuesRescuedElsewhere { get; set; }

    /// <summary>Applies hints and evolution to the inferred <paramref name="fileSchema"/> and fixes the output layout.</summary>
    protected void Initialize(StructType fileSchema)
    {
        FileSchema = SchemaHintsApplier.Apply(fileSchema, Source.SchemaHints, ReservedNames);
        Evolution = SchemaEvolution.Apply(Context.TableSchema, FileSchema, Source.SchemaEvolution);
        if (!Evolution.Succeeded)
        {
            throw new SchemaEvolutionException(SourceUri, Source.Table, Evolution.NewColumns, Evolution.FailureMessage!);
        }

        Layout = OutputLayout.Create(Evolution.Schema!, Source, SourceUri);
    }

    /// <summary>Parses complete records from <see cref="Buffer"/> into <paramref name="batch"/> until it is full or the buffered data ends; with <paramref name="final"/>, the data left is the last record.</summary>
    protected abstract void ParseRecords(BatchBuilder batch, bool final);

    public IAsyncEnumerable<RecordBatch> ReadBatchesAsync(CancellationToken cancellationToken)
    {
        if (_started)
        {
            throw new InvalidOperationException($"The reader of '{SourceUri}' was already read; open a new reader to read the file again.");
        }

        _started = true;
        return ReadCoreAsync(cancellationToken);
    }

    /// <summary>The batch loop; the default parses on the calling thread with <see cref="ParseRecords"/>.</summary>
    protected virtual async IAsyncEnumerable<RecordBatch> ReadCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = NewBatch();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ParseRecords(batch, Buffer.EndOfInput);
            if (batch.IsFull)
            {
                yield return batch.Build();
                batch = NewBatch();
                continue;
            }

            if (Buffer.EndOfInput)
            {
                break;
            }

            await Buffer.FillAsync(Line, cancellationToken);
        }

        if (batch.Rows > 0)
        {
            yield return batch.Build();
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        Rescue.Dispose();
        await _input.DisposeAsync();
    }

    /// <summary>A builder for the next batch, refilling a recycled batch's vectors when one is available.</summary>
    protected BatchBuilder NewBatch() =>
        new(Layout, Options.BatchSize, _uriBytes, Context.IngestedAt, _spare.TryTake(out var reuse) ? reuse : null);

    /// <inheritdoc />
    public void Recycle(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (ReferenceEquals(batch.Schema, Layout.Schema) && _spare.Count < MaxSpareBatches)
        {
            _spare.Add([.. batch.Columns]);
        }
    }
}
