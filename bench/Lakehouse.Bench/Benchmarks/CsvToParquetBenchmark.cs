using Lakehouse.Bench.Data;
using Lakehouse.Bench.Harness;
using Lakehouse.Delta.Storage;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Ingestion;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Sources;
using Lakehouse.Testing.Interop;

namespace Lakehouse.Bench.Benchmarks;

/// <summary>
/// The bronze ingestion baseline: convert the generated sales CSV to one SNAPPY Parquet file.
/// DuckDB side: <c>COPY (SELECT * FROM read_csv(...)) TO '...' (FORMAT parquet, COMPRESSION snappy)</c> at the same thread count.
/// Our side: the bronze ingestion itself (IngestionService: streaming CSV parse, Parquet + Delta commit) on the
/// filesystem, with schema hints equal to DuckDB's column spec so both sides skip inference. Our output also carries
/// the bronze metadata columns (<c>_rescued_data</c>, <c>_source_file</c>, <c>_ingested_at</c>).
/// </summary>
internal sealed class CsvToParquetBenchmark : IBenchmark
{
    public string Name => "csv-to-parquet";

    public string Description => "Generated N-row × 5-column CSV (long, string, double, date, bool) to SNAPPY Parquet";

    public bool HasOurSide => true;

    public bool HasDuckDbSide => true;

    public Task PrepareAsync(BenchContext context, CancellationToken cancellationToken)
    {
        SalesCsv.GetOrCreate(context.DataDirectory, context.Rows);
        return Task.CompletedTask;
    }

    public async Task<Measurement> RunOursAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var csv = SalesCsv.GetOrCreate(context.DataDirectory, context.Rows);
        var lakeDir = context.NewOutputDirectory("ours-bronze");
        var landing = new FileSystemObjectStore(Path.GetDirectoryName(csv)!);
        var lake = new FileSystemObjectStore(lakeDir);
        var pipeline = PipelineDefinitionParser.Parse("""
            version: 1
            pipeline: bench
            workspace: bench
            owner: { id: bench }
            sources:
              - name: sales
                path: ""
                format: csv
                schemaHints: { id: long, name: string, amount: double, day: date, flag: boolean }
                table: sales
            """, "bench.yaml");
        if (context.Option("profile", "false") == "true")
        {
            var extra = await BronzeProfile.RunAsync(csv, pipeline.Sources[0], cancellationToken);
            return new Measurement(TimeSpan.FromSeconds(extra.Values.Sum()), context.Rows, Extra: extra);
        }

        var service = new IngestionService(LakehouseRuntime.ForStore(lake), landing, "bench", pipeline, new SourceReaderOptions(Parallelism: context.Threads));
        var key = Path.GetFileName(csv);
        var start = System.Diagnostics.Stopwatch.StartNew();
        var result = await service.IngestAsync([new LandedObject(key, new FileInfo(csv).Length)], cancellationToken);
        var elapsed = start.Elapsed;
        if (result.RowsWritten != context.Rows)
        {
            throw new InvalidOperationException($"Ingested {result.RowsWritten} rows, expected {context.Rows}.");
        }

        var files = Directory.GetFiles(lakeDir, "*.parquet", SearchOption.AllDirectories);
        var bytes = files.Sum(f => new FileInfo(f).Length);
        return new Measurement(elapsed, context.Rows, bytes, Extra: new Dictionary<string, double>
        {
            ["input_mb"] = ((FileInfo?)new FileInfo(csv).ResolveLinkTarget(returnFinalTarget: true) ?? new FileInfo(csv)).Length / 1048576.0,
            ["files"] = files.Length,
        });
    }

    public async Task<Measurement> RunDuckDbAsync(BenchContext context, InteropHarness duckDb, CancellationToken cancellationToken)
    {
        var csv = SalesCsv.GetOrCreate(context.DataDirectory, context.Rows);
        var output = Path.Combine(context.NewOutputDirectory("duckdb-csv"), "out.parquet");
        await duckDb.ExecuteDuckDbAsync($"SET threads = {context.Threads}");
        var cpuBefore = await duckDb.CpuSecondsAsync();
        var elapsed = await duckDb.ExecuteDuckDbAsync(
            $"COPY (SELECT * FROM read_csv({InteropHarness.SqlString(csv)}, header = true, columns = {SalesCsv.DuckDbColumns})) " +
            $"TO {InteropHarness.SqlString(output)} (FORMAT parquet, COMPRESSION snappy)");
        var cpu = await duckDb.CpuSecondsAsync() - cpuBefore;
        return new Measurement(elapsed, context.Rows, new FileInfo(output).Length, Extra: new Dictionary<string, double> { ["cpu_s"] = cpu });
    }
}
