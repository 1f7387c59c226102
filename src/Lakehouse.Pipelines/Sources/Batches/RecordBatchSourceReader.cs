using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources.Columns;

namespace Lakehouse.Pipelines.Sources.Batches;

/// <summary>
/// Conforms batches of a typed source (Parquet) to the bronze output schema. The file's schema is known, so there
/// is no inference: hints and evolution apply as for text sources. Columns of the same type are passed through
/// without copying; other types convert through their canonical text (e.g. integer → long, float → double,
/// date → timestamp) and values that do not convert are null and rescued, as are columns kept out of the schema.
/// </summary>
internal sealed class RecordBatchSourceReader : ISourceReader
{
    private readonly SourceDefinition _source;
    private readonly IAsyncEnumerable<RecordBatch> _batches;
    private readonly SourceReadContext _context;
    private readonly OutputLayout _layout;
    private readonly byte[] _uriBytes;
    private readonly IAsyncDisposable? _owner;
    private long _rows;
    private long _rowsRescued;
    private long _valuesRescued;

    public RecordBatchSourceReader(SourceDefinition source, StructType fileSchema, IAsyncEnumerable<RecordBatch> batches, string sourceUri, SourceReadContext context, IAsyncDisposable? owner = null)
    {
        _owner = owner;
        _source = source;
        _batches = batches;
        _context = context;
        SourceUri = sourceUri;
        _uriBytes = Encoding.UTF8.GetBytes(sourceUri);
        var reserved = OutputLayout.ReservedNames(source);
        FileSchema = SchemaHintsApplier.Apply(new StructType(fileSchema.Fields.Where(f => !reserved.Contains(f.Name))), source.SchemaHints, reserved);
        Evolution = SchemaEvolution.Apply(context.TableSchema, FileSchema, source.SchemaEvolution);
        if (!Evolution.Succeeded)
        {
            throw new SchemaEvolutionException(sourceUri, source.Table, Evolution.NewColumns, Evolution.FailureMessage!);
        }

        _layout = OutputLayout.Create(Evolution.Schema!, source, sourceUri);
    }

    public string SourceUri { get; }

    public StructType FileSchema { get; }

    public SchemaEvolutionResult Evolution { get; }

    public StructType OutputSchema => _layout.Schema;

    public SourceReadStats Stats => new(_rows, _rowsRescued, _valuesRescued, 0, 0, 0, 0);

    public async IAsyncEnumerable<RecordBatch> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var input in _batches.WithCancellation(cancellationToken))
        {
            yield return Conform(input);
        }
    }

    public ValueTask DisposeAsync() => _owner?.DisposeAsync() ?? ValueTask.CompletedTask;

    private RecordBatch Conform(RecordBatch input)
    {
        var rows = input.RowCount;
        var output = OutputSchema.Fields;
        var columns = new ColumnVector[output.Count];
        var rescues = new List<(string Key, ColumnVector Column, bool[]? Only)>();
        var used = new bool[input.Columns.Count];
        for (var i = 0; i < output.Count; i++)
        {
            if (_layout.IsReserved(i))
            {
                continue;
            }

            var from = input.Schema.IndexOf(output[i].Name);
            if (from < 0)
            {
                columns[i] = Nulls(output[i].Type, rows);
                continue;
            }

            used[from] = true;
            var source = input.Columns[from];
            if (Equals(source.Type, output[i].Type))
            {
                columns[i] = source;
                continue;
            }

            var target = ColumnVector.Create(output[i].Type, rows);
            var failed = new bool[rows];
            var anyFailed = false;
            for (var r = 0; r < rows; r++)
            {
                var value = source.GetValue(r);
                if (value is null)
                {
                    target.AppendNull();
                }
                else if (output[i].Type.IsNested || !TextValueWriter.TryAppend(output[i].Type, Encoding.UTF8.GetBytes(BoxedJson.Text(value)), target))
                {
                    target.AppendNull();
                    failed[r] = anyFailed = true;
                }
            }

            columns[i] = target;
            if (anyFailed)
            {
                rescues.Add((input.Schema.Fields[from].Name, source, failed));
            }
        }

        for (var c = 0; c < input.Columns.Count; c++)
        {
            if (!used[c])
            {
                rescues.Add((input.Schema.Fields[c].Name, input.Columns[c], null));
            }
        }

        columns[_layout.RescuedIndex] = RescuedColumn(rows, rescues);
        FillMetadata(columns, rows);
        _rows += rows;
        return new RecordBatch(OutputSchema, columns);
    }

    private BinaryVector RescuedColumn(int rows, List<(string Key, ColumnVector Column, bool[]? Only)> rescues)
    {
        var vector = new BinaryVector(DataType.String, rows);
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        for (var r = 0; r < rows; r++)
        {
            var any = false;
            foreach (var (key, column, only) in rescues)
            {
                if ((only is not null && !only[r]) || column.IsNull(r))
                {
                    continue;
                }

                if (!any)
                {
                    writer.WriteStartObject();
                    any = true;
                }

                writer.WritePropertyName(key);
                BoxedJson.Write(writer, column.GetValue(r));
                _valuesRescued++;
            }

            if (!any)
            {
                vector.AppendNull();
                continue;
            }

            writer.WriteString("_file", SourceUri);
            writer.WriteNumber("_row", r);
            writer.WriteEndObject();
            writer.Flush();
            vector.Append(buffer.WrittenSpan);
            buffer.ResetWrittenCount();
            writer.Reset();
            _rowsRescued++;
        }

        return vector;
    }

    private void FillMetadata(ColumnVector[] columns, int rows)
    {
        var micros = Int64Vector.ToUnixMicros(_context.IngestedAt.UtcDateTime);
        if (_layout.SourceFileIndex >= 0)
        {
            var v = new BinaryVector(DataType.String, rows, rows * _uriBytes.Length);
            for (var r = 0; r < rows; r++)
            {
                v.Append(_uriBytes);
            }

            columns[_layout.SourceFileIndex] = v;
        }

        if (_layout.IngestedAtIndex >= 0)
        {
            var v = new Int64Vector(DataType.Timestamp, rows);
            for (var r = 0; r < rows; r++)
            {
                v.Append(micros);
            }

            columns[_layout.IngestedAtIndex] = v;
        }

        if (_layout.IngestDateIndex >= 0)
        {
            var v = new Int32Vector(DataType.Date, rows);
            var day = (int)Math.Floor(micros / 86_400_000_000.0);
            for (var r = 0; r < rows; r++)
            {
                v.Append(day);
            }

            columns[_layout.IngestDateIndex] = v;
        }
    }

    private static ColumnVector Nulls(DataType type, int rows)
    {
        var v = ColumnVector.Create(type, rows);
        for (var r = 0; r < rows; r++)
        {
            v.AppendNull();
        }

        return v;
    }
}
