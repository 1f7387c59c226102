using Lakehouse.Bench.Data;
using Lakehouse.Bench.Harness;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Sources;
using Lakehouse.Testing.Interop;

namespace Lakehouse.Bench.Benchmarks;

/// <summary>
/// The parsing half of bronze ingestion: the generated sales CSV → typed <see cref="RecordBatch"/>es (no Parquet).
/// Our side streams the file through <see cref="SourceReaderFactory"/> with <c>--threads</c> parsing threads (1 parses
/// on the reading thread) and schema hints matching DuckDB's column spec (<c>--opt infer=true</c> infers types
/// instead, which reads amount as decimal(38,2)). Each run prints its CPU seconds (all threads, from opening the
/// reader to the last batch) as <c>parse_cpu_s</c>: the figure to compare on a shared machine.
/// DuckDB side: an aggregate over every column of <c>read_csv</c>, so every value is parsed.
/// Extra figures: MB/s of CSV text.
/// </summary>
internal sealed class CsvParseBenchmark : IBenchmark
{
    public string Name => "csv-parse";

    public string Description => "Generated N-row × 5-column CSV parsed into typed columns (rows/s, MB/s)";

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
        var infer = context.Option("infer", "false") == "true";
        var source = SourceDefinition.Create("sales", SourceFormat.Csv) with
        {
            SchemaHints = infer
                ? []
                :
                [
                    new SchemaHint("id", DataType.Long, default), new SchemaHint("name", DataType.String, default),
                    new SchemaHint("amount", DataType.Double, default), new SchemaHint("day", DataType.Date, default),
                    new SchemaHint("flag", DataType.Boolean, default),
                ],
        };
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var started = System.Diagnostics.Stopwatch.StartNew();
        long rows = 0;
        var file = new FileStream(csv, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (var reader = await SourceReaderFactory.OpenAsync(source, file, csv, new SourceReadContext(null, DateTimeOffset.UnixEpoch, new SourceReaderOptions(Parallelism: context.Threads)), cancellationToken))
        {
            await foreach (var batch in reader.ReadBatchesAsync(cancellationToken))
            {
                rows += batch.RowCount;
                reader.Recycle(batch);
            }

            if (reader.Stats.RowsRescued != 0)
            {
                throw new InvalidOperationException($"{reader.Stats.RowsRescued} rows were rescued; the benchmark data should parse cleanly.");
            }
        }

        var elapsed = started.Elapsed;
        self.Refresh();
        var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine(FormattableString.Invariant($"parse_cpu_s={cpu:F3} elapsed_s={elapsed.TotalSeconds:F3} threads={context.Threads}"));
        var bytes = new FileInfo(csv).Length;
        return new Measurement(elapsed, rows, Extra: new Dictionary<string, double> { ["MB/s"] = bytes / 1048576.0 / elapsed.TotalSeconds, ["parse_cpu_s"] = cpu });
    }

    public async Task<Measurement> RunDuckDbAsync(BenchContext context, InteropHarness duckDb, CancellationToken cancellationToken)
    {
        var csv = SalesCsv.GetOrCreate(context.DataDirectory, context.Rows);
        await duckDb.ExecuteDuckDbAsync($"SET threads = {context.Threads}");
        var elapsed = await duckDb.ExecuteDuckDbAsync(
            $"CREATE OR REPLACE TEMP TABLE parsed AS SELECT count(*) AS n, sum(id) AS ids, max(length(name)) AS names, sum(amount) AS amounts, " +
            $"max(day) AS days, sum(flag::int) AS flags FROM read_csv({InteropHarness.SqlString(csv)}, header = true, columns = {SalesCsv.DuckDbColumns})");
        var bytes = new FileInfo(csv).Length;
        return new Measurement(elapsed, context.Rows, Extra: new Dictionary<string, double> { ["MB/s"] = bytes / 1048576.0 / elapsed.TotalSeconds });
    }
}
