using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lakehouse.Parquet;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Writing;

/// <summary>
/// Computes <c>add.stats</c> like Spark: numRecords; minValues/maxValues for the first
/// <c>delta.dataSkippingNumIndexedCols</c> leaf columns (strings truncated to 32 characters, the max then bumped with a
/// tie-breaker so it stays an upper bound; timestamps in milliseconds ISO-8601; dates yyyy-MM-dd; decimals as numbers);
/// nullCount for every indexed column, nested like the schema. Accumulates over several batches of one file.
/// </summary>
public sealed class StatsCollector
{
    private const int StringPrefixLength = 32;
    private readonly StructType _schema;
    private readonly Node[] _nodes;
    private long _numRecords;

    /// <param name="dataSchema">The schema of the data written to the file (partition columns excluded).</param>
    /// <param name="numIndexedColumns">Leaf columns to collect min/max for (-1: all).</param>
    public StatsCollector(StructType dataSchema, int numIndexedColumns = 32)
    {
        _schema = dataSchema ?? throw new ArgumentNullException(nameof(dataSchema));
        var budget = numIndexedColumns < 0 ? int.MaxValue : numIndexedColumns;
        _nodes = dataSchema.Fields.Select(f => Build(f, ref budget)).ToArray();
    }

    private sealed record Node(StructField Field, LeafStats? Leaf, Node[]? Children);

    private static Node Build(StructField field, ref int budget)
    {
        if (field.Type is StructType st)
        {
            var children = new Node[st.Fields.Count];
            for (var i = 0; i < children.Length; i++)
            {
                children[i] = Build(st.Fields[i], ref budget);
            }

            return new Node(field, null, children);
        }

        var indexed = budget > 0;
        budget--;
        return new Node(field, indexed ? new LeafStats(field.Type, collectMinMax: true) : null, null);
    }

    /// <summary>
    /// Counts the rows of <paramref name="batch"/> and the nulls of its array and map columns, without looking at
    /// values: primitive leaves get their stats from the Parquet writer (<see cref="SetFromFile"/>), which computes
    /// min, max and null count while encoding. A second pass over every value (string comparisons above all) would
    /// cost as much again.
    /// </summary>
    public void AddRows(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _numRecords += batch.RowCount;
        for (var i = 0; i < _nodes.Length; i++)
        {
            AddNestedNulls(_nodes[i], batch.Column(_nodes[i].Field.Name));
        }
    }

    private static void AddNestedNulls(Node node, ColumnVector vector)
    {
        if (node.Children is not null)
        {
            var sv = (StructVector)vector;
            for (var i = 0; i < node.Children.Length; i++)
            {
                AddNestedNulls(node.Children[i], sv.Children[i]);
            }
        }
        else if (node.Leaf is not null && node.Field.Type is ArrayType or MapType)
        {
            // Parquet leaf statistics of a list or map count nulls per element level, not rows whose value is null.
            node.Leaf.NullCount += vector.NullCount;
        }
    }

    /// <summary>
    /// Takes min, max and null count of every primitive leaf from the statistics the Parquet writer kept for the
    /// whole file (<see cref="ParquetWriteResult.Columns"/>; leaf paths are the field names). Rows and array/map nulls
    /// come from <see cref="AddRows"/>.
    /// </summary>
    public void SetFromFile(ParquetWriteResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var byPath = new Dictionary<string, ColumnStatistics>(StringComparer.Ordinal);
        foreach (var column in result.Columns)
        {
            byPath[string.Join('\u0001', column.Path)] = column;
        }

        foreach (var node in _nodes)
        {
            SetLeaves(node, node.Field.Name, byPath);
        }
    }

    private static void SetLeaves(Node node, string path, Dictionary<string, ColumnStatistics> byPath)
    {
        if (node.Children is not null)
        {
            foreach (var child in node.Children)
            {
                SetLeaves(child, path + '\u0001' + child.Field.Name, byPath);
            }

            return;
        }

        if (node.Leaf is null || node.Field.Type is ArrayType or MapType)
        {
            return;
        }

        if (!byPath.TryGetValue(path, out var column))
        {
            throw new InvalidOperationException($"The Parquet file has no statistics for column '{path.Replace('\u0001', '.')}'.");
        }

        node.Leaf.SetFromFile(column.Min, column.Max, column.NullCount, column.NaNCount);
    }

    public long NumRecords => _numRecords;

    /// <summary>The stats JSON string for <c>add.stats</c>.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("numRecords", _numRecords);
            WriteSection(w, "minValues", _nodes, max: false);
            WriteSection(w, "maxValues", _nodes, max: true);
            w.WriteStartObject("nullCount");
            WriteNullCounts(w, _nodes);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteSection(Utf8JsonWriter w, string name, Node[] nodes, bool max)
    {
        w.WriteStartObject(name);
        WriteBounds(w, nodes, max);
        w.WriteEndObject();
    }

    private static bool HasAnyBounds(Node node) =>
        node.Children is null ? node.Leaf is { HasBounds: true } : node.Children.Any(HasAnyBounds);

    private static void WriteBounds(Utf8JsonWriter w, Node[] nodes, bool max)
    {
        foreach (var node in nodes)
        {
            if (!HasAnyBounds(node))
            {
                continue;
            }

            if (node.Children is not null)
            {
                w.WriteStartObject(node.Field.Name);
                WriteBounds(w, node.Children, max);
                w.WriteEndObject();
                continue;
            }

            w.WritePropertyName(node.Field.Name);
            WriteBound(w, node.Leaf!, max);
        }
    }

    private static void WriteBound(Utf8JsonWriter w, LeafStats s, bool max)
    {
        switch (s.Type.Kind)
        {
            case TypeKind.Date:
                var days = (int)(max ? s.MaxLong!.Value : s.MinLong!.Value);
                w.WriteStringValue(DateOnly.FromDayNumber(Int32Vector.UnixEpochDayNumber + days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case TypeKind.Timestamp:
                var micros = max ? s.MaxLong!.Value : s.MinLong!.Value;
                var millis = (long)Math.Floor(micros / 1000.0);
                w.WriteStringValue(DateTimeOffset.FromUnixTimeMilliseconds(millis).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                break;
            case TypeKind.Float or TypeKind.Double:
                w.WriteNumberValue(max ? s.MaxDouble!.Value : s.MinDouble!.Value);
                break;
            case TypeKind.Decimal:
                var dv = new DecimalValue(max ? s.MaxDecimal!.Value : s.MinDecimal!.Value, ((DecimalType)s.Type).Scale);
                w.WriteRawValue(dv.ToString());
                break;
            case TypeKind.String:
                w.WriteStringValue(TruncateString(max ? s.MaxBytes! : s.MinBytes!, max));
                break;
            default:
                w.WriteNumberValue(max ? s.MaxLong!.Value : s.MinLong!.Value);
                break;
        }
    }

    /// <summary>The first 32 characters; a truncated max gets U+10FFFF appended so it still bounds the real value.</summary>
    internal static string TruncateString(byte[] utf8, bool max)
    {
        var text = Encoding.UTF8.GetString(utf8);
        var info = StringInfoPrefix(text, StringPrefixLength);
        if (info.Length == text.Length)
        {
            return text;
        }

        return max ? info + char.ConvertFromUtf32(0x10FFFF) : info;
    }

    private static string StringInfoPrefix(string text, int characters)
    {
        var count = 0;
        var index = 0;
        while (index < text.Length && count < characters)
        {
            index += char.IsSurrogatePair(text, index) ? 2 : 1;
            count++;
        }

        return text[..index];
    }

    private static void WriteNullCounts(Utf8JsonWriter w, Node[] nodes)
    {
        foreach (var node in nodes)
        {
            if (node.Children is not null)
            {
                if (node.Children.Any(HasLeaf))
                {
                    w.WriteStartObject(node.Field.Name);
                    WriteNullCounts(w, node.Children);
                    w.WriteEndObject();
                }
            }
            else if (node.Leaf is not null)
            {
                w.WriteNumber(node.Field.Name, node.Leaf.NullCount);
            }
        }
    }

    private static bool HasLeaf(Node node) => node.Children is null ? node.Leaf is not null : node.Children.Any(HasLeaf);

    /// <summary>The schema the collector was built for.</summary>
    public StructType Schema => _schema;
}
