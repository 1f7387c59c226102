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
    private int[] _fileToOutput = [];
    private int[] _unmappedOutputs = [];
    private int _fileColumns;

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
        _fileColumns = names?.Count ?? sampledColumns;
        var fields = new List<StructField>();
        var fileNames = new string[_fileColumns];
        for (var i = 0; i < _fileColumns; i++)
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
        _fileToOutput = new int[fileNames.Length];
        var mapped = new bool[schema.Fields.Count];
        for (var i = 0; i < fileNames.Length; i++)
        {
            var target = schema.IndexOf(fileNames[i]);
            if (target < 0 || Layout.IsReserved(target) || rescued.Contains(fileNames[i]) || mapped[target])
            {
                _fileToOutput[i] = -1;
                continue;
            }

            _fileToOutput[i] = target;
            mapped[target] = true;
        }

        _unmappedOutputs = Enumerable.Range(0, schema.Fields.Count).Where(i => !mapped[i] && !Layout.IsReserved(i)).ToArray();
    }

    private JsonEncodedText Key(int fileIndex)
    {
        while (_keys.Count <= fileIndex)
        {
            _keys.Add(JsonEncodedText.Encode($"_c{_keys.Count}", KeyEncoder));
        }

        return _keys[fileIndex];
    }

    protected override void ParseRecords(BatchBuilder batch, bool final)
    {
        var data = Buffer.Data;
        var offset = 0;
        while (!batch.IsFull && offset < data.Length)
        {
            var record = data[offset..];
            var n = _tokenizer.ReadRecord(record, final);
            if (n == CsvTokenizer.NeedMoreData)
            {
                break;
            }

            if (n == CsvTokenizer.UnclosedQuote)
            {
                throw new SourceFormatException(SourceUri, "a quoted field is not closed before the end of the file (the file may be truncated).", Line, Buffer.Position + offset);
            }

            if (_tokenizer.IsEmptyLine)
            {
                EmptyLines++;
            }
            else
            {
                WriteRow(batch, record);
            }

            Line += _tokenizer.LineBreaks;
            offset += n;
        }

        Buffer.Consume(offset);
    }

    private void WriteRow(BatchBuilder batch, ReadOnlySpan<byte> record)
    {
        var tokenizer = _tokenizer;
        var appenders = batch.Appenders;
        var fields = tokenizer.FieldCount;
        var mapped = Math.Min(fields, _fileColumns);
        for (var i = 0; i < mapped; i++)
        {
            var value = tokenizer.Field(record, i);
            var target = _fileToOutput[i];
            if (target < 0)
            {
                if (!IsNull(value, tokenizer.IsQuoted(i), keepsEmpty: true))
                {
                    Rescue.Add(_keys[i], value);
                }

                continue;
            }

            var appender = appenders[target]!;
            if (IsNull(value, tokenizer.IsQuoted(i), appender.KeepsEmptyText))
            {
                appender.AppendNull();
            }
            else if (!appender.TryAppend(value))
            {
                appender.AppendNull();
                Rescue.Add(_keys[i], value);
            }
        }

        for (var i = mapped; i < _fileColumns; i++)
        {
            if (_fileToOutput[i] >= 0)
            {
                appenders[_fileToOutput[i]]!.AppendNull();
            }
        }

        for (var i = _fileColumns; i < fields; i++)
        {
            var value = tokenizer.Field(record, i);
            if (value.Length > 0 || tokenizer.IsQuoted(i))
            {
                Rescue.Add(Key(i), value);
            }
        }

        foreach (var i in _unmappedOutputs)
        {
            appenders[i]!.AppendNull();
        }

        Rescue.EndRow(Line, batch.Rescued);
        batch.Rows++;
        RowsRead++;
    }

    private bool IsNull(ReadOnlySpan<byte> value, bool quoted, bool keepsEmpty) =>
        (!quoted && value.SequenceEqual(_nullValue)) || (value.IsEmpty && !keepsEmpty);
}
