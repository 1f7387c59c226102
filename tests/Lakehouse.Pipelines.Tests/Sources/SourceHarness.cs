using System.Text;
using System.Text.Json;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources;

namespace Lakehouse.Pipelines.Tests.Sources;

/// <summary>Reads test content through the real factory and collects rows as boxed values.</summary>
internal static class SourceHarness
{
    public static readonly DateTimeOffset IngestedAt = new(2026, 3, 14, 15, 9, 26, TimeSpan.Zero);

    public static SourceDefinition Csv(Func<SourceDefinition, SourceDefinition>? configure = null) =>
        (configure ?? (s => s))(SourceDefinition.Create("orders", SourceFormat.Csv) with { MetadataColumns = MetadataColumns.Disabled });

    public static SourceDefinition Json(Func<SourceDefinition, SourceDefinition>? configure = null) =>
        (configure ?? (s => s))(SourceDefinition.Create("events", SourceFormat.Json) with { MetadataColumns = MetadataColumns.Disabled });

    public static Task<Result> ReadAsync(SourceDefinition source, string text, StructType? table = null, SourceReaderOptions? options = null, string uri = "s3://landing/orders/a.csv") =>
        ReadAsync(source, Encoding.UTF8.GetBytes(text), table, options, uri);

    public static async Task<Result> ReadAsync(SourceDefinition source, byte[] bytes, StructType? table = null, SourceReaderOptions? options = null, string uri = "s3://landing/orders/a.csv")
    {
        await using var reader = await SourceReaderFactory.OpenAsync(source, new MemoryStream(bytes), uri, new SourceReadContext(table, IngestedAt, options), CancellationToken.None);
        var batches = new List<RecordBatch>();
        await foreach (var batch in reader.ReadBatchesAsync(CancellationToken.None))
        {
            Assert.Equal(reader.OutputSchema, batch.Schema);
            batches.Add(batch);
        }

        return new Result(reader, batches);
    }

    public sealed record Result(ISourceReader Reader, List<RecordBatch> Batches)
    {
        public StructType Schema => Reader.OutputSchema;

        public List<object?[]> Rows => Batches.SelectMany(b => Enumerable.Range(0, b.RowCount).Select(b.GetRow)).ToList();

        public object? Value(int row, string column) => Rows[row][Schema.IndexOf(column)];

        public JsonElement? Rescued(int row) =>
            Value(row, "_rescued_data") is string s ? JsonDocument.Parse(s).RootElement : null;

        public SourceReadStats Stats => Reader.Stats;
    }
}
