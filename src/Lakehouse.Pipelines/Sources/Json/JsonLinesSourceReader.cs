using System.Text.Json;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources.Columns;
using Lakehouse.Pipelines.Sources.Inference;
using Lakehouse.Pipelines.Sources.Input;

namespace Lakehouse.Pipelines.Sources.Json;

/// <summary>
/// Reads JSON lines (one object per LF- or CRLF-terminated line) into typed vectors: objects become struct columns,
/// arrays lists. Fields are matched to columns ignoring case. A line that is not a valid JSON object is not fatal:
/// the row gets nulls and its text goes to the rescued data column under <c>_corrupt_record</c>, and it is counted
/// in <see cref="SourceReadStats.BadLines"/>. Values that do not fit their column, fields the schema lacks (also
/// nested ones, under their dotted path) and repeated fields are rescued as their JSON text.
/// </summary>
internal sealed class JsonLinesSourceReader : TextSourceReader
{
    private readonly JsonValueWriter _writer = new();
    private bool[] _filled = [];
    private Dictionary<string, int> _lookup = [];

    private JsonLinesSourceReader(SourceDefinition source, DecodedInput input, InputBuffer buffer, string sourceUri, SourceReadContext context)
        : base(source, input, buffer, sourceUri, context)
    {
    }

    public static async Task<ISourceReader> OpenAsync(SourceDefinition source, DecodedInput input, string sourceUri, SourceReadContext context, CancellationToken cancellationToken)
    {
        var options = context.EffectiveOptions;
        var buffer = new InputBuffer(input, options.BufferBytes, options.MaxRecordBytes);
        await buffer.FillAtLeastAsync(options.InferenceSampleBytes, cancellationToken);
        var reader = new JsonLinesSourceReader(source, input, buffer, sourceUri, context);
        reader.Prepare();
        return reader;
    }

    private void Prepare()
    {
        if (Buffer.Data.StartsWith("\uFEFF"u8))
        {
            Buffer.Consume(3);
        }

        var root = new JsonObjectShape();
        var data = Buffer.Data;
        var offset = 0;
        var rows = 0;
        while (rows < Options.InferenceSampleRows && offset < data.Length)
        {
            var consumed = NextLine(data[offset..], Buffer.EndOfInput, out var line);
            if (consumed == 0)
            {
                break;
            }

            offset += consumed;
            if (!IsBlank(line) && IsObject(line))
            {
                var reader = new Utf8JsonReader(line);
                reader.Read();
                root.Observe(ref reader);
                rows++;
            }
        }

        Initialize(root.Result(Source.InferDecimals, ReservedNames));
        _filled = new bool[OutputSchema.Fields.Count];
        _lookup = _writer.Lookup(OutputSchema);
    }

    protected override void ParseRecords(BatchBuilder batch, bool final)
    {
        var data = Buffer.Data;
        var offset = 0;
        while (!batch.IsFull && offset < data.Length)
        {
            var consumed = NextLine(data[offset..], final, out var line);
            if (consumed == 0)
            {
                break;
            }

            if (IsBlank(line))
            {
                EmptyLines++;
            }
            else
            {
                WriteRow(batch, line);
            }

            Line++;
            offset += consumed;
        }

        Buffer.Consume(offset);
    }

    private void WriteRow(BatchBuilder batch, ReadOnlySpan<byte> line)
    {
        var appenders = batch.Appenders;
        if (!IsObject(line))
        {
            BadLines++;
            Rescue.Add(CorruptRecordKey, line);
            for (var i = 0; i < appenders.Length; i++)
            {
                appenders[i]?.AppendNull();
            }

            Rescue.EndRow(Line, batch.Rescued);
            batch.Rows++;
            RowsRead++;
            return;
        }

        var fields = OutputSchema.Fields;
        Array.Clear(_filled);
        var reader = new Utf8JsonReader(line);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = JsonValueWriter.Find(_lookup, ref reader, out var escapedName);
            var name = reader.ValueSpan;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            if (index < 0 || appenders[index] is null || _filled[index])
            {
                reader.Skip();
                RescueValue(escapedName, name, line[start..(int)reader.BytesConsumed]);
                continue;
            }

            _filled[index] = true;
            var vector = appenders[index]!.Vector;
            var type = fields[index].Type;
            var fits = true;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                var probe = reader;
                fits = _writer.TryWrite(ref probe, line, type, null, null, rescueUnknown: true, null);
                if (fits)
                {
                    _writer.TryWrite(ref reader, line, type, vector, Rescue, rescueUnknown: true, fields[index].Name);
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                fits = _writer.TryWrite(ref reader, line, type, vector, Rescue, rescueUnknown: true, fields[index].Name);
            }

            if (!fits)
            {
                vector.AppendNull();
                RescueValue(escapedName, name, line[start..(int)reader.BytesConsumed]);
            }
        }

        for (var i = 0; i < appenders.Length; i++)
        {
            if (!_filled[i])
            {
                appenders[i]?.AppendNull();
            }
        }

        Rescue.EndRow(Line, batch.Rescued);
        batch.Rows++;
        RowsRead++;
    }

    private static readonly JsonEncodedText CorruptRecordKey = JsonEncodedText.Encode("_corrupt_record");

    private void RescueValue(string? escapedName, ReadOnlySpan<byte> utf8Name, ReadOnlySpan<byte> json)
    {
        if (escapedName is not null)
        {
            Rescue.AddJson(escapedName, json);
        }
        else
        {
            Rescue.AddJson(utf8Name, json);
        }
    }

    /// <summary>The next line (without its LF or CRLF); returns the bytes it spans, or 0 if it is not complete yet.</summary>
    private static int NextLine(ReadOnlySpan<byte> data, bool final, out ReadOnlySpan<byte> line)
    {
        var nl = data.IndexOf((byte)'\n');
        int consumed;
        if (nl < 0)
        {
            if (!final)
            {
                line = default;
                return 0;
            }

            line = data;
            consumed = data.Length;
        }
        else
        {
            line = data[..nl];
            consumed = nl + 1;
        }

        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        return consumed;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;

    /// <summary>True when the line is exactly one JSON object (checked before writing so a bad line never half-writes a row).</summary>
    private static bool IsObject(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
