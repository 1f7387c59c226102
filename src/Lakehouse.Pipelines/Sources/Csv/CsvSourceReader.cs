using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources.Columns;
using Lakehouse.Pipelines.Sources.Input;

namespace Lakehouse.Pipelines.Sources.Csv;

/// <summary>
/// Reads RFC 4180 CSV as UTF-8 bytes straight into typed vectors. With a header, columns are matched to the table by
/// name (ignoring case); without one they are named <c>_c0</c>, <c>_c1</c>, ... Rows with fewer fields get nulls;
/// extra fields, values that do not fit their column's type, and columns kept out of the schema (rescue/none modes,
/// reserved names) go to the rescued data column. Blank lines are skipped. An unquoted value equal to the null
/// value is null; an empty value is null for every non-string column, and a quoted empty value is an empty string.
/// </summary>
internal sealed partial class CsvSourceReader : TextSourceReader
{
    private static readonly JavaScriptEncoder KeyEncoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly CsvTokenizer _tokenizer;
    private readonly byte[] _nullValue;
    private readonly List<JsonEncodedText> _keys = [];
    private CsvColumnPlan _plan = null!;
    private CsvRowParser _parser = null!;

    private CsvSourceReader(SourceDefinition source, DecodedInput input, InputBuffer buffer, string sourceUri, SourceReadContext context)
        : base(source, input, buffer, sourceUri, context)
    {
        var csv = source.Csv;
        _tokenizer = new CsvTokenizer(csv.Delimiter, csv.Quote, csv.Escape);
        _nullValue = Encoding.UTF8.GetBytes(csv.NullValue);
    }

    public static async Task<ISourceReader> OpenAsync(SourceDefinition source, DecodedInput input, string sourceUri, SourceReadContext context, CancellationToken cancellationToken)
    {
        var options = context.EffectiveOptions;
        var buffer = new InputBuffer(input, options.BufferBytes, options.MaxRecordBytes);
        await buffer.FillAtLeastAsync(options.InferenceSampleBytes, cancellationToken);
        var reader = new CsvSourceReader(source, input, buffer, sourceUri, context);
        reader.Prepare();
        return reader;
    }

    /// <summary>Skips the BOM, reads the header, infers types from the buffered sample and maps file columns to output columns.</summary>
    private void Prepare()
    {
        if (Buffer.Data.StartsWith("\uFEFF"u8))
        {
            Buffer.Consume(3);
        }

        var names = Source.Csv.Header ? ReadHeader() : null;
        var types = Sample(names?.Count, out var sampledColumns);
        var fileColumns = names?.Count ?? sampledColumns;
        var fields = new List<StructField>();
        var fileNames = new string[fileColumns];
        for (var i = 0; i < fileColumns; i++)
        {
            fileNames[i] = names is null ? $"_c{i}" : names[i];
            _keys.Add(JsonEncodedText.Encode(fileNames[i], KeyEncoder));
            if (!ReservedNames.Contains(fileNames[i]))
            {
                fields.Add(new StructField(fileNames[i], types[i].Result(Source.InferDecimals)));
            }
        }

        Initialize(new StructType(fields));
        MapColumns(fileNames);
    }

    private void MapColumns(string[] fileNames)
    {
        var schema = OutputSchema;
        var rescued = new HashSet<string>(Evolution.RescuedColumns, StringComparer.OrdinalIgnoreCase);
        var fileToOutput = new int[fileNames.Length];
        var mapped = new bool[schema.Fields.Count];
        for (var i = 0; i < fileNames.Length; i++)
        {
            var target = schema.IndexOf(fileNames[i]);
            if (target < 0 || Layout.IsReserved(target) || rescued.Contains(fileNames[i]) || mapped[target])
            {
                fileToOutput[i] = -1;
                continue;
            }

            fileToOutput[i] = target;
            mapped[target] = true;
        }

        var unmapped = Enumerable.Range(0, schema.Fields.Count).Where(i => !mapped[i] && !Layout.IsReserved(i)).ToArray();
        _plan = new CsvColumnPlan(fileNames.Length, fileToOutput, unmapped, [.. _keys], _nullValue);
        _parser = new CsvRowParser(_plan, Source.Csv, SourceUri);
    }

    protected override void ParseRecords(BatchBuilder batch, bool final)
    {
        var line = Line;
        var rows = _parser.Rows;
        var empty = _parser.EmptyLines;
        var consumed = _parser.Parse(Buffer.Data, final, batch, ref line, Buffer.Position);
        Buffer.Consume(consumed);
        Line = line;
        RowsRead += _parser.Rows - rows;
        EmptyLines += _parser.EmptyLines - empty;
        RowsRescuedElsewhere = _parser.Rescue.RowsRescued;
        ValuesRescuedElsewhere = _parser.Rescue.ValuesRescued;
    }

    public override async ValueTask DisposeAsync()
    {
        _parser?.Dispose();
        await base.DisposeAsync();
    }
}
