using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lakehouse.Cli.Output;
using Lakehouse.Cli.Targets;
using Lakehouse.Delta;
using Lakehouse.Delta.Schema;
using Lakehouse.Delta.Snapshots;
using Spectre.Console;

namespace Lakehouse.Cli.Commands;

/// <summary><c>lakehouse table describe|history|read</c>: inspect Delta tables, local or on S3.</summary>
internal static class TableCommands
{
    public static Command Build(CliContext context)
    {
        var table = new Command("table", "Inspect and maintain Delta tables.");
        table.Subcommands.Add(Describe(context));
        table.Subcommands.Add(History(context));
        table.Subcommands.Add(Read(context));
        foreach (var command in TableMaintenanceCommands.Build(context))
        {
            table.Subcommands.Add(command);
        }

        return table;
    }

    /// <summary>The table argument every table command takes (see <see cref="TableLocator"/>).</summary>
    public static Argument<string> PathArgument() =>
        new("path") { Description = "The table: its root folder, s3://bucket/path, or a path inside the lake bucket (--lake), e.g. retail/silver/orders." };

    private static Option<string> FormatOption(string defaultValue, params string[] values)
    {
        var option = new Option<string>("--format", "-f") { Description = "Output format: " + string.Join(", ", values) + ".", DefaultValueFactory = _ => defaultValue };
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    private static Command Describe(CliContext context)
    {
        var path = PathArgument();
        var format = FormatOption("text", "text", "json");
        var version = new Option<long?>("--version") { Description = "Describe this version instead of the latest." };
        var command = new Command("describe", "Version, live files, row count, schema, partition columns, txns and configuration.") { path, format, version };
        command.SetAction(async (parse, ct) =>
        {
            using var handle = await TableLocator.OpenAsync(context, parse, parse.GetRequiredValue(path), ct).ConfigureAwait(false);
            var table = handle.Table;
            var snapshot = await table.GetSnapshotAsync(parse.GetValue(version), ct).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                await context.Output.WriteLineAsync(DescribeJson(parse.GetRequiredValue(path), snapshot)).ConfigureAwait(false);
            }
            else
            {
                DescribeText(context.Output, parse.GetRequiredValue(path), snapshot);
            }

            return 0;
        });
        return command;
    }

    private static string DescribeJson(string location, Snapshot s)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("table", location);
            w.WriteNumber("version", s.Version);
            w.WriteString("timestamp", s.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteNumber("liveFiles", s.Files.Count);
            w.WriteNumber("sizeBytes", s.Files.Sum(f => f.Size));
            if (s.TryGetRowCountFromStats() is { } rows)
            {
                w.WriteNumber("rows", rows);
            }
            else
            {
                w.WriteNull("rows");
            }

            w.WriteString("id", s.Metadata.Id);
            w.WriteStartObject("protocol");
            w.WriteNumber("minReaderVersion", s.Protocol.MinReaderVersion);
            w.WriteNumber("minWriterVersion", s.Protocol.MinWriterVersion);
            w.WriteEndObject();
            w.WritePropertyName("schema");
            w.WriteRawValue(SchemaJson.Serialize(s.Schema));
            w.WriteStartArray("partitionColumns");
            foreach (var c in s.PartitionColumns)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
            w.WriteStartObject("txns");
            foreach (var (appId, txn) in s.AppTransactions.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(appId, txn.Version);
            }

            w.WriteEndObject();
            w.WriteStartObject("configuration");
            foreach (var (k, v) in s.Configuration.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void DescribeText(TextWriter output, string location, Snapshot s)
    {
        var console = Consoles.For(output);
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string k, string v) => grid.AddRow(Markup.Escape(k), Markup.Escape(v));
        Row("table", location);
        Row("version", s.Version.ToString(CultureInfo.InvariantCulture));
        Row("timestamp", s.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        Row("protocol", $"reader {s.Protocol.MinReaderVersion}, writer {s.Protocol.MinWriterVersion}");
        Row("live files", s.Files.Count.ToString(CultureInfo.InvariantCulture));
        Row("size", s.Files.Sum(f => f.Size).ToString("N0", CultureInfo.InvariantCulture) + " bytes");
        Row("rows", s.TryGetRowCountFromStats()?.ToString("N0", CultureInfo.InvariantCulture) ?? "unknown (files without stats)");
        Row("partition columns", s.PartitionColumns.Count == 0 ? "(none)" : string.Join(", ", s.PartitionColumns));
        Row("txns", s.AppTransactions.Count == 0 ? "(none)" : string.Join(", ", s.AppTransactions.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value.Version}")));
        Row("configuration", s.Configuration.Count == 0 ? "(none)" : string.Join(", ", s.Configuration.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")));
        console.Write(grid);
        var schema = new Table().AddColumn("column").AddColumn("type").AddColumn("nullable");
        foreach (var f in s.Schema.Fields)
        {
            schema.AddRow(Markup.Escape(f.Name), Markup.Escape(f.Type.ToString()), f.Nullable ? "yes" : "no");
        }

        console.Write(schema);
    }

    private static Command History(CliContext context)
    {
        var path = PathArgument();
        var format = FormatOption("table", "table", "jsonl");
        var limit = new Option<int?>("--limit", "-n") { Description = "Show at most this many versions (newest first)." };
        var command = new Command("history", "The commits of a table, newest first: version, time, operation, parameters.") { path, format, limit };
        command.SetAction(async (parse, ct) =>
        {
            using var handle = await TableLocator.OpenAsync(context, parse, parse.GetRequiredValue(path), ct).ConfigureAwait(false);
            var table = handle.Table;
            var history = await table.GetHistoryAsync(parse.GetValue(limit), ct).ConfigureAwait(false);
            if (parse.GetValue(format) == "jsonl")
            {
                foreach (var e in history)
                {
                    await context.Output.WriteLineAsync(HistoryJson(e)).ConfigureAwait(false);
                }

                return 0;
            }

            var t = new Table().AddColumn("version").AddColumn("timestamp").AddColumn("operation").AddColumn("parameters").AddColumn("engine");
            foreach (var e in history)
            {
                t.AddRow(
                    e.Version.ToString(CultureInfo.InvariantCulture),
                    e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(e.Info?.Operation ?? string.Empty),
                    Markup.Escape(string.Join(", ", (e.Info?.OperationParameters ?? new Dictionary<string, string>()).Select(p => $"{p.Key}={p.Value}"))),
                    Markup.Escape(e.Info?.EngineInfo ?? string.Empty));
            }

            Consoles.For(context.Output).Write(t);
            return 0;
        });
        return command;
    }

    private static string HistoryJson(Delta.Transactions.CommitHistoryEntry e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", e.Version);
            w.WriteString("timestamp", e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteString("operation", e.Info?.Operation);
            w.WriteStartObject("operationParameters");
            foreach (var (k, v) in e.Info?.OperationParameters ?? new Dictionary<string, string>())
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            if (e.Info?.ReadVersion is { } rv)
            {
                w.WriteNumber("readVersion", rv);
            }

            w.WriteString("engineInfo", e.Info?.EngineInfo);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static Command Read(CliContext context)
    {
        var path = PathArgument();
        var format = FormatOption("jsonl", "jsonl", "csv", "table");
        var version = new Option<long?>("--version") { Description = "Read this version (time travel)." };
        var limit = new Option<long?>("--limit", "-n") { Description = "Print at most this many rows." };
        var command = new Command("read", "Print the rows of a table: one JSON object per row (ISO dates, decimals as strings, binary base64), CSV or a table.")
        {
            path, format, version, limit,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var handle = await TableLocator.OpenAsync(context, parse, parse.GetRequiredValue(path), ct).ConfigureAwait(false);
            var table = handle.Table;
            var snapshot = await table.GetSnapshotAsync(parse.GetValue(version), ct).ConfigureAwait(false);
            var rowFormat = Enum.Parse<RowFormat>(parse.GetValue(format)!, ignoreCase: true);
            var printer = new RowPrinter(context.Output, rowFormat, snapshot.Schema);
            var remaining = parse.GetValue(limit) ?? long.MaxValue;
            await foreach (var batch in table.ReadAsync(snapshot, null, ct).ConfigureAwait(false))
            {
                for (var r = 0; r < batch.RowCount && remaining > 0; r++, remaining--)
                {
                    printer.Print(batch.GetRow(r));
                }

                if (remaining <= 0)
                {
                    break;
                }
            }

            printer.Complete();
            return 0;
        });
        return command;
    }
}
