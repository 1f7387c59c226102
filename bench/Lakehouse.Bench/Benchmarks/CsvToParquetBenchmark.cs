using Lakehouse.Bench.Data;
using Lakehouse.Bench.Harness;
using Lakehouse.Testing.Interop;

namespace Lakehouse.Bench.Benchmarks;

/// <summary>
/// The bronze ingestion baseline: convert the generated sales CSV to one SNAPPY Parquet file.
/// DuckDB side: <c>COPY (SELECT * FROM read_csv(...)) TO '...' (FORMAT parquet, COMPRESSION snappy)</c> at the same thread count.
/// Our side (CSV → bronze Delta table) is added with the ingestion issue.
/// </summary>
internal sealed class CsvToParquetBenchmark : IBenchmark
{
    public string Name => "csv-to-parquet";

    public string Description => "Generated N-row × 5-column CSV (long, string, double, date, bool) to SNAPPY Parquet";

    public bool HasOurSide => false;

    public bool HasDuckDbSide => true;

    public Task PrepareAsync(BenchContext context, CancellationToken cancellationToken)
    {
        SalesCsv.GetOrCreate(context.DataDirectory, context.Rows);
        return Task.CompletedTask;
    }

    public Task<Measurement> RunOursAsync(BenchContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Our CSV ingestion side is not implemented yet.");

    public async Task<Measurement> RunDuckDbAsync(BenchContext context, InteropHarness duckDb, CancellationToken cancellationToken)
    {
        var csv = SalesCsv.GetOrCreate(context.DataDirectory, context.Rows);
        var output = Path.Combine(context.NewOutputDirectory("duckdb-csv"), "out.parquet");
        await duckDb.ExecuteDuckDbAsync($"SET threads = {context.Threads}");
        var elapsed = await duckDb.ExecuteDuckDbAsync(
            $"COPY (SELECT * FROM read_csv({InteropHarness.SqlString(csv)}, header = true, columns = {SalesCsv.DuckDbColumns})) " +
            $"TO {InteropHarness.SqlString(output)} (FORMAT parquet, COMPRESSION snappy)");
        return new Measurement(elapsed, context.Rows, new FileInfo(output).Length);
    }
}
