using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources.Columns;

namespace Lakehouse.Pipelines.Sources.Csv;

/// <summary>
/// Turns complete CSV records into rows of a <see cref="BatchBuilder"/> per a <see cref="CsvColumnPlan"/>. One per
/// thread: it owns a tokenizer and a rescue recorder, and counts what it did. Runs of plain lines (no quote character)
/// take a fused path that hands each field straight to its appender (<see cref="ParsePlainLines"/>); other records go
/// through the <see cref="CsvTokenizer"/>. Both paths write rows through <see cref="WriteField"/> and <see cref="EndRow"/>.
/// </summary>
internal sealed partial class CsvRowParser : IDisposable
{
    private readonly CsvColumnPlan _plan;
    private readonly CsvTokenizer _tokenizer;
    private readonly string _sourceUri;
    private readonly List<JsonEncodedText> _extraKeys = [];

    // The plan's hot fields, one load away on every field and row.
    private readonly int[] _map;
    private readonly byte[] _nullValue;
    private readonly int _fileColumns;
    private readonly bool _hasUnmappedOutputs;

    /// <summary>A parser of records laid out per <paramref name="plan"/>; <paramref name="plainFastPath"/> false sends every record through the tokenizer (tests compare both paths).</summary>
    public CsvRowParser(CsvColumnPlan plan, CsvOptions csv, string sourceUri, bool plainFastPath = true)
    {
        _plan = plan;
        _map = plan.FileToOutput;
        _nullValue = plan.NullValue;
        _fileColumns = plan.FileColumns;
        _hasUnmappedOutputs = plan.UnmappedOutputs.Length != 0;
        _sourceUri = sourceUri;
        _tokenizer = new CsvTokenizer(csv.Delimiter, csv.Quote, csv.Escape);
        Rescue = new RescueRecorder(sourceUri);
        _delimiter = (byte)csv.Delimiter;
        _quote = (byte)csv.Quote;
        _plainFastPath = plainFastPath && csv.Delimiter is not ('\n' or '\r') && csv.Quote is not ('\n' or '\r') && csv.Delimiter != csv.Quote;
    }

    public RescueRecorder Rescue { get; }

    public long Rows { get; private set; }

    public long EmptyLines { get; private set; }

    /// <summary>
    /// Parses records from the start of <paramref name="data"/> until the batch is full or the data ends (with
    /// <paramref name="final"/>, the data left is the last record). Returns the bytes consumed; <paramref name="line"/>
    /// advances by the physical lines consumed. <paramref name="position"/> is the absolute offset of <c>data[0]</c> for errors.
    /// <paramref name="plain"/> says the caller already knows <paramref name="data"/> is whole plain records (no quote,
    /// each ending at LF, CRLF or CR), so it is not searched again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Parse(ReadOnlySpan<byte> data, bool final, BatchBuilder batch, ref long line, long position, bool plain = false)
    {
        var offset = 0;
        var plainEnd = plain && _plainFastPath ? data.Length : 0;
        var quoteAt = plainEnd == 0 ? -1 : data.Length;
        while (!batch.IsFull && offset < data.Length)
        {
            if (_plainFastPath && offset >= plainEnd)
            {
                plainEnd = offset + PlainLinesLength(data, offset, final, ref quoteAt);
            }

            if (offset < plainEnd)
            {
                offset += ParsePlainLines(data[offset..plainEnd], batch, ref line);
                continue;
            }

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
        var appenders = batch.Appenders;
        var fields = tokenizer.FieldCount;
        for (var i = 0; i < fields; i++)
        {
            WriteField(appenders, i, tokenizer.Field(record, i), tokenizer.IsQuoted(i));
        }

        EndRow(batch, fields, line);
    }

    /// <summary>Field <paramref name="i"/> of a row: to its column (null, value, or null and rescued when it does not fit), rescued when the column is kept out of the schema, or rescued as an extra <c>_c&lt;i&gt;</c>.</summary>
    /// <remarks>Inlined into both parsing loops, so only the common case is here: a non-empty, non-null value for a mapped column.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteField(ColumnAppender?[] appenders, int i, ReadOnlySpan<byte> value, bool quoted)
    {
        var map = _map;
        if ((uint)i < (uint)map.Length)
        {
            var target = map[i];
            var nullValue = _nullValue;
            if (target >= 0 && value.Length != 0 && (quoted || value.Length != nullValue.Length || !value.SequenceEqual(nullValue)))
            {
                var appender = appenders[target]!;
                if (!appender.TryAppend(value))
                {
                    RescueUnfit(appender, i, value);
                }

                return;
            }
        }

        WriteOtherField(appenders, i, value, quoted);
    }

    /// <summary>A value that does not fit its column: null in the column, the text in the rescued data.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RescueUnfit(ColumnAppender appender, int i, ReadOnlySpan<byte> value)
    {
        appender.AppendNull();
        Rescue.Add(_plan.Keys[i], value);
    }

    /// <summary>The cases <see cref="WriteField"/> leaves out: extra fields, unmapped columns, empty and null values.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WriteOtherField(ColumnAppender?[] appenders, int i, ReadOnlySpan<byte> value, bool quoted)
    {
        var plan = _plan;
        if (i >= plan.FileColumns)
        {
            if (value.Length > 0 || quoted)
            {
                Rescue.Add(ExtraKey(i), value);
            }

            return;
        }

        var target = plan.FileToOutput[i];
        if (target < 0)
        {
            if (!IsNull(value, quoted, keepsEmpty: true))
            {
                Rescue.Add(plan.Keys[i], value);
            }

            return;
        }

        var appender = appenders[target]!;
        var nullValue = plan.NullValue;
        // Null: the unquoted null value, or an empty value in a non-string column (see IsNull).
        if (value.IsEmpty
            ? (nullValue.Length == 0 && !quoted) || !appender.KeepsEmptyText
            : value.Length == nullValue.Length && !quoted && value.SequenceEqual(nullValue))
        {
            appender.AppendNull();
        }
        else if (!appender.TryAppend(value))
        {
            RescueUnfit(appender, i, value);
        }
    }

    /// <summary>Closes a row of <paramref name="fields"/> fields: nulls for the file columns it lacks and the output columns the file lacks, then the rescued data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EndRow(BatchBuilder batch, int fields, long line)
    {
        if (fields < _fileColumns || _hasUnmappedOutputs)
        {
            AppendMissing(batch.Appenders, fields);
        }

        Rescue.EndRow(line, batch.Rescued);
        batch.Rows++;
        Rows++;
    }

    /// <summary>Nulls for the file columns a short row lacks and for the output columns the file lacks.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void AppendMissing(ColumnAppender?[] appenders, int fields)
    {
        var map = _plan.FileToOutput;
        for (var i = fields; i < map.Length; i++)
        {
            if (map[i] >= 0)
            {
                appenders[map[i]]!.AppendNull();
            }
        }

        foreach (var i in _plan.UnmappedOutputs)
        {
            appenders[i]!.AppendNull();
        }
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
