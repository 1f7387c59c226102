using System.Text;
using System.Text.Json;
using Lakehouse.Parquet.Data;
using Spectre.Console;

namespace Lakehouse.Cli.Output;

/// <summary>Prints rows as JSON lines (one object per row), CSV (RFC 4180, header first) or a text table.</summary>
internal sealed class RowPrinter
{
    private readonly TextWriter _out;
    private readonly RowFormat _format;
    private readonly StructType _schema;
    private readonly Table? _table;

    public RowPrinter(TextWriter output, RowFormat format, StructType schema)
    {
        _out = output;
        _format = format;
        _schema = schema;
        if (format == RowFormat.Csv)
        {
            _out.WriteLine(string.Join(",", schema.Fields.Select(f => Csv(f.Name))));
        }
        else if (format == RowFormat.Table)
        {
            _table = new Table();
            foreach (var f in schema.Fields)
            {
                _table.AddColumn(Markup.Escape(f.Name));
            }
        }
    }

    public void Print(object?[] row)
    {
        switch (_format)
        {
            case RowFormat.Jsonl:
                var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
                using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    w.WriteStartObject();
                    for (var i = 0; i < row.Length; i++)
                    {
                        w.WritePropertyName(_schema.Fields[i].Name);
                        CanonicalValue.Write(w, row[i], _schema.Fields[i].Type);
                    }

                    w.WriteEndObject();
                }

                _out.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
                break;
            case RowFormat.Csv:
                _out.WriteLine(string.Join(",", row.Select((v, i) => v is null ? string.Empty : Csv(CanonicalValue.Text(v, _schema.Fields[i].Type)!))));
                break;
            default:
                _table!.AddRow(row.Select((v, i) => Markup.Escape(CanonicalValue.Text(v, _schema.Fields[i].Type) ?? "null")).ToArray());
                break;
        }
    }

    public void Complete()
    {
        if (_table is not null)
        {
            Consoles.For(_out).Write(_table);
        }
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
