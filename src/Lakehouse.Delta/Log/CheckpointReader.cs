using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Storage;
using Lakehouse.Parquet;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Log;

/// <summary>
/// Reads the actions of a classic or multi-part checkpoint (PROTOCOL.md "Checkpoint Schema"): one non-null top-level
/// struct per row among protocol, metaData, txn, add, remove. Missing columns are tolerated, and so are checkpoints
/// that carry only <c>stats_parsed</c> (turned back into a stats JSON string).
/// </summary>
internal static class CheckpointReader
{
    private static readonly string[] ActionColumns = ["protocol", "metaData", "txn", "add", "remove"];

    public static async Task<IReadOnlyList<DeltaAction>> ReadAsync(IObjectStore store, IReadOnlyList<LogFile> parts, CancellationToken cancellationToken)
    {
        var actions = new List<DeltaAction>();
        foreach (var part in parts)
        {
            var source = await ObjectRandomAccessSource.OpenAsync(store, part.Key, part.Size, cancellationToken).ConfigureAwait(false);
            try
            {
                using var reader = await ParquetFileReader.OpenAsync(source, cancellationToken).ConfigureAwait(false);
                var columns = ActionColumns.Where(c => reader.Schema.IndexOf(c) >= 0).ToArray();
                await foreach (var batch in reader.ReadAllAsync(columns, cancellationToken).ConfigureAwait(false))
                {
                    Read(batch, actions);
                }
            }
            catch (ParquetFormatException ex)
            {
                throw new DeltaProtocolException($"Checkpoint {source.Name} cannot be read: {ex.Message}", ex);
            }
        }

        return actions;
    }

    private static void Read(RecordBatch batch, List<DeltaAction> actions)
    {
        for (var c = 0; c < batch.Columns.Count; c++)
        {
            var vector = batch.Columns[c];
            var type = (StructType)batch.Schema.Fields[c].Type;
            var name = batch.Schema.Fields[c].Name;
            for (var row = 0; row < vector.Count; row++)
            {
                if (vector.GetValue(row) is not object?[] s)
                {
                    continue;
                }

                var r = new Row(type, s);
                DeltaAction? action = name switch
                {
                    "add" => ReadAdd(r),
                    "remove" => new RemoveFile
                    {
                        Path = r.String("path") ?? string.Empty,
                        DeletionTimestamp = r.Long("deletionTimestamp"),
                        DataChange = r.Bool("dataChange") ?? false,
                        ExtendedFileMetadata = r.Bool("extendedFileMetadata"),
                        PartitionValues = r.Map("partitionValues"),
                        Size = r.Long("size"),
                        Tags = r.Map("tags"),
                    },
                    "txn" => new TxnAction { AppId = r.String("appId") ?? string.Empty, Version = r.Long("version") ?? 0, LastUpdated = r.Long("lastUpdated") },
                    "protocol" => new ProtocolAction
                    {
                        MinReaderVersion = (int)(r.Long("minReaderVersion") ?? 0),
                        MinWriterVersion = (int)(r.Long("minWriterVersion") ?? 0),
                        ReaderFeatures = r.List("readerFeatures"),
                        WriterFeatures = r.List("writerFeatures"),
                    },
                    "metaData" => ReadMetadata(r),
                    _ => null,
                };
                if (action is AddFile { Path.Length: 0 } or RemoveFile { Path.Length: 0 })
                {
                    throw new DeltaProtocolException($"A checkpoint {name} row has no path. The checkpoint is corrupt; delete it and _last_checkpoint to fall back to the commits.");
                }

                if (action is not null)
                {
                    actions.Add(action);
                }
            }
        }
    }

    private static AddFile ReadAdd(Row r)
    {
        var stats = r.String("stats");
        if (stats is null && r.Struct("stats_parsed") is { } parsed)
        {
            stats = ToJson(parsed);
        }

        return new AddFile
        {
            Path = r.String("path") ?? string.Empty,
            PartitionValues = r.Map("partitionValues") ?? new Dictionary<string, string?>(),
            Size = r.Long("size") ?? 0,
            ModificationTime = r.Long("modificationTime") ?? 0,
            DataChange = r.Bool("dataChange") ?? false,
            Stats = stats,
            Tags = r.Map("tags"),
        };
    }

    private static MetadataAction ReadMetadata(Row r)
    {
        var format = r.Struct("format");
        return new MetadataAction
        {
            Id = r.String("id") ?? string.Empty,
            Name = r.String("name"),
            Description = r.String("description"),
            Format = new FormatSpec { Provider = format?.String("provider") ?? "parquet", Options = NonNull(format?.Map("options")) },
            SchemaString = r.String("schemaString") ?? throw new DeltaProtocolException("A checkpoint metaData row has no schemaString. The checkpoint is corrupt."),
            PartitionColumns = r.List("partitionColumns") ?? [],
            Configuration = NonNull(r.Map("configuration")),
            CreatedTime = r.Long("createdTime"),
        };
    }

    private static Dictionary<string, string>? NonNull(IReadOnlyDictionary<string, string?>? map) =>
        map?.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);

    /// <summary>stats_parsed (a struct nested like the schema) as the JSON string Spark would have written.</summary>
    private static string ToJson(Row parsed)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            WriteStruct(w, parsed.Type, parsed.Values);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteStruct(Utf8JsonWriter w, StructType type, object?[] values)
    {
        w.WriteStartObject();
        for (var i = 0; i < type.Fields.Count; i++)
        {
            if (values[i] is null)
            {
                continue;
            }

            w.WritePropertyName(type.Fields[i].Name);
            WriteValue(w, type.Fields[i].Type, values[i]!);
        }

        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, DataType type, object value)
    {
        switch (value)
        {
            case object?[] s when type is StructType st: WriteStruct(w, st, s); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case DateOnly d: w.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTime t: w.WriteStringValue(t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)); break;
            case DecimalValue dv: w.WriteRawValue(dv.ToString()); break;
            case double d when double.IsFinite(d): w.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): w.WriteNumberValue(f); break;
            case IConvertible n and not double and not float: w.WriteRawValue(n.ToString(CultureInfo.InvariantCulture)); break;
            default: w.WriteNullValue(); break;
        }
    }

    /// <summary>A struct value with access by field name.</summary>
    private readonly record struct Row(StructType Type, object?[] Values)
    {
        private object? Get(string name) => Type.IndexOf(name) is var i and >= 0 ? Values[i] : null;

        public string? String(string name) => Get(name) as string;

        public long? Long(string name) => Get(name) switch
        {
            long l => l,
            int i => i,
            short s => s,
            _ => null,
        };

        public bool? Bool(string name) => Get(name) as bool?;

        public Row? Struct(string name) =>
            Get(name) is object?[] v && Type.TryGetField(name, out var f) && f.Type is StructType st ? new Row(st, v) : null;

        public string[]? List(string name) =>
            Get(name) is List<object?> list ? list.Select(o => o as string ?? string.Empty).ToArray() : null;

        public Dictionary<string, string?>? Map(string name)
        {
            if (Get(name) is not List<KeyValuePair<object, object?>> entries)
            {
                return null;
            }

            var map = new Dictionary<string, string?>(entries.Count, StringComparer.Ordinal);
            foreach (var (k, v) in entries)
            {
                map[(string)k] = v as string;
            }

            return map;
        }
    }
}
