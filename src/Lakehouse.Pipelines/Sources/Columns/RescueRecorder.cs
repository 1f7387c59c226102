using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Sources.Columns;

/// <summary>
/// Builds one row's rescued data: a JSON object <c>{"&lt;column&gt;": &lt;original value&gt;, ..., "_file": "&lt;uri&gt;", "_line": N}</c>
/// written only for rows that had something to rescue (other rows get null).
/// </summary>
internal sealed class RescueRecorder : IDisposable
{
    private static readonly JsonEncodedText FileKey = JsonEncodedText.Encode("_file");
    private static readonly JsonEncodedText LineKey = JsonEncodedText.Encode("_line");
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;
    private readonly JsonEncodedText _file;
    private bool _open;

    public RescueRecorder(string sourceUri)
    {
        _writer = new Utf8JsonWriter(_buffer, Options);
        _file = JsonEncodedText.Encode(sourceUri, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
    }

    /// <summary>Rows that had rescued values.</summary>
    public long RowsRescued { get; private set; }

    /// <summary>Values rescued in all rows.</summary>
    public long ValuesRescued { get; private set; }

    public bool HasValues => _open;

    /// <summary>Rescues a text value (written as a JSON string).</summary>
    public void Add(JsonEncodedText key, ReadOnlySpan<byte> utf8Text)
    {
        Open();
        _writer.WriteString(key, utf8Text);
    }

    /// <summary>Rescues a value that is already JSON (JSON sources keep numbers, objects and arrays as they were).</summary>
    public void AddJson(string key, ReadOnlySpan<byte> json)
    {
        Open();
        _writer.WritePropertyName(key);
        _writer.WriteRawValue(json, skipInputValidation: true);
    }

    /// <summary>Rescues a JSON value under a UTF-8 key.</summary>
    public void AddJson(ReadOnlySpan<byte> utf8Key, ReadOnlySpan<byte> json)
    {
        Open();
        _writer.WritePropertyName(utf8Key);
        _writer.WriteRawValue(json, skipInputValidation: true);
    }

    /// <summary>Closes the row: appends its rescued JSON, or null when nothing was rescued.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void EndRow(long line, BinaryVector? target)
    {
        if (!_open)
        {
            target?.AppendNull();
            return;
        }

        WriteRow(line, target);
    }

    private void WriteRow(long line, BinaryVector? target)
    {
        _writer.WriteString(FileKey, _file);
        _writer.WriteNumber(LineKey, line);
        _writer.WriteEndObject();
        _writer.Flush();
        target?.Append(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _open = false;
        RowsRescued++;
    }

    public void Dispose() => _writer.Dispose();

    private void Open()
    {
        ValuesRescued++;
        if (!_open)
        {
            _writer.WriteStartObject();
            _open = true;
        }
    }
}
