using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources.Columns;

namespace Lakehouse.Pipelines.Sources.Csv;

/// <summary>
/// Turns complete CSV records into rows of a <see cref="BatchBuilder"/> per a <see cref="CsvColumnPlan"/>. One per
/// thread: it owns a tokenizer and a rescue recorder, and counts what it did.
/// </summary>
internal sealed class CsvRowParser : IDisposable
{
    private readonly CsvColumnPlan _plan;
    private readonly CsvTokenizer _tokenizer;
    private readonly string _sourceUri;
    private readonly List<JsonEncodedText> _extraKeys = [];

    public CsvRowParser(CsvColumnPlan plan, CsvOptions csv, string sourceUri)
    {
        _plan = plan;
        _sourceUri = sourceUri;
        _tokenizer = new CsvTokenizer(csv.Delimiter, csv.Quote, csv.Escape);
        Rescue = new RescueRecorder(sourceUri);
    }

    public RescueRecorder Rescue { get; }

    public long Rows { get; private set; }

    public long EmptyLines { get; private set; }

    /// <summary>
    /// Parses records from the start of <paramref name="data"/> until the batch is full or the data ends (with
    /// <paramref name="final"/>, the data left is the last record). Returns the bytes consumed; <paramref name="line"/>
    /// advances by the physical lines consumed. <paramref name="position"/> is the absolute offset of <c>data[0]</c> for errors.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Parse(ReadOnlySpan<byte> data, bool final, BatchBuilder batch, ref long line, long position)
    {
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
                throw UnclosedQuote(_sourceUri, line, position + offset);
            }

            if (_tokenizer.IsEmptyLine)
            {
                EmptyLines++;
            }
            else
            {
                WriteRow(batch, record, line);
            }

            line += _tokenizer.LineBreaks;
            offset += n;
        }

        return offset;
    }

    public static SourceFormatException UnclosedQuote(string sourceUri, long line, long position) =>
        new(sourceUri, "a quoted field is not closed before the end of the file (the file may be truncated).", line, position);

    public void Dispose() => Rescue.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteRow(BatchBuilder batch, ReadOnlySpan<byte> record, long line)
    {
        var tokenizer = _tokenizer;
        var plan = _plan;
        var appenders = batch.Appenders;
        var fields = tokenizer.FieldCount;
        var fileColumns = plan.FileColumns;
        var map = plan.FileToOutput;
        var mapped = Math.Min(fields, fileColumns);
        for (var i = 0; i < mapped; i++)
        {
            var value = tokenizer.Field(record, i);
            var target = map[i];
            if (target < 0)
            {
                if (!IsNull(value, tokenizer.IsQuoted(i), keepsEmpty: true))
                {
                    Rescue.Add(plan.Keys[i], value);
                }

                continue;
            }

            var appender = appenders[target]!;
            // Null: the unquoted null value, or an empty value in a non-string column (see IsNull).
            if (value.IsEmpty
                ? (_plan.NullValue.Length == 0 && !tokenizer.IsQuoted(i)) || !appender.KeepsEmptyText
                : value.Length == _plan.NullValue.Length && !tokenizer.IsQuoted(i) && value.SequenceEqual(_plan.NullValue))
            {
                appender.AppendNull();
            }
            else if (!appender.TryAppend(value))
            {
                appender.AppendNull();
                Rescue.Add(plan.Keys[i], value);
            }
        }

        for (var i = mapped; i < fileColumns; i++)
        {
            if (map[i] >= 0)
            {
                appenders[map[i]]!.AppendNull();
            }
        }

        for (var i = fileColumns; i < fields; i++)
        {
            var value = tokenizer.Field(record, i);
            if (value.Length > 0 || tokenizer.IsQuoted(i))
            {
                Rescue.Add(ExtraKey(i), value);
            }
        }

        foreach (var i in plan.UnmappedOutputs)
        {
            appenders[i]!.AppendNull();
        }

        Rescue.EndRow(line, batch.Rescued);
        batch.Rows++;
        Rows++;
    }

    private JsonEncodedText ExtraKey(int fileIndex)
    {
        var k = fileIndex - _plan.FileColumns;
        while (_extraKeys.Count <= k)
        {
            _extraKeys.Add(JsonEncodedText.Encode($"_c{_plan.FileColumns + _extraKeys.Count}", JavaScriptEncoder.UnsafeRelaxedJsonEscaping));
        }

        return _extraKeys[k];
    }

    private bool IsNull(ReadOnlySpan<byte> value, bool quoted, bool keepsEmpty) =>
        (!quoted && value.SequenceEqual(_plan.NullValue)) || (value.IsEmpty && !keepsEmpty);
}
