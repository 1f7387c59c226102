using System.IO.Compression;
using System.Text;
using Lakehouse.Delta;
using Lakehouse.Delta.Storage;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Ingestion;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Testing;
using Lakehouse.Testing.IO;

namespace Lakehouse.Pipelines.Tests.Ingestion;

/// <summary>A landing folder and a lake folder on the filesystem, a two-source pipeline, and helpers to drop files.</summary>
internal sealed class IngestionFixture : IDisposable
{
    public const string Yaml = """
        version: 1
        pipeline: shop
        workspace: ws-1
        owner: { id: u-1, name: Ada }
        sources:
          - name: orders
            path: shop/orders/
            format: csv
            schemaHints: { amount: "decimal(10,2)" }
            table: orders_bronze
          - name: events
            path: shop/events/
            format: json
            table: events_bronze
          - name: strict
            path: shop/strict/
            format: csv
            schemaEvolution: failOnNewColumns
            table: strict_bronze
          - name: facts
            path: shop/facts/
            format: parquet
            table: facts_bronze
        """;

    private readonly TempDirectory _dir = new("ingest");

    public IngestionFixture()
    {
        LandingPath = _dir.Combine("landing");
        LakePath = _dir.Combine("lake");
        Directory.CreateDirectory(LandingPath);
        Directory.CreateDirectory(LakePath);
        Landing = new FileSystemObjectStore(LandingPath);
        Lake = new FileSystemObjectStore(LakePath);
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero));
        Runtime = LakehouseRuntime.ForStore(Lake, Clock);
        Pipeline = PipelineDefinitionParser.Parse(Yaml, "shop.yaml");
    }

    public string LandingPath { get; }

    public string LakePath { get; }

    public FileSystemObjectStore Landing { get; }

    public FileSystemObjectStore Lake { get; }

    public FakeTimeProvider Clock { get; }

    public LakehouseRuntime Runtime { get; }

    public PipelineDefinition Pipeline { get; }

    public IngestionService Service() => new(Runtime, Landing, "landing-bucket", Pipeline);

    public async Task<LandedObject> DropAsync(string key, string text, bool gzip = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return await DropAsync(key, gzip ? Gzip(bytes) : bytes);
    }

    public async Task<LandedObject> DropAsync(string key, byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        await Landing.PutAsync(key, stream, CancellationToken.None);
        var info = await Landing.HeadAsync(key, CancellationToken.None);
        return new LandedObject(key, info!.Size, info.ETag);
    }

    public DeltaTable Bronze(string table) => Runtime.Table("shop", MedallionLayer.Bronze, table);

    public async Task<List<object?[]>> ReadRowsAsync(string table, params string[] columns)
    {
        var rows = new List<object?[]>();
        await foreach (var batch in Bronze(table).ReadAsync((long?)null, columns.Length == 0 ? null : columns, CancellationToken.None))
        {
            for (var i = 0; i < batch.RowCount; i++)
            {
                rows.Add(batch.GetRow(i));
            }
        }

        return rows;
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest))
        {
            gz.Write(data);
        }

        return output.ToArray();
    }

    public void Dispose() => _dir.Dispose();
}
