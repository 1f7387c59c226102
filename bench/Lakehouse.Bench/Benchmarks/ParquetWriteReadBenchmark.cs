using System.Buffers.Text;
using System.Diagnostics;
using Lakehouse.Bench.Harness;
using Lakehouse.Parquet;
using Lakehouse.Parquet.Data;
using Lakehouse.Testing.Interop;

namespace Lakehouse.Bench.Benchmarks;

/// <summary>
/// Writes N rows × 5 columns (long id, string name, double amount, date day, bool flag) to one SNAPPY Parquet file and
/// reads every value back. Both sides generate the same values inside the timed write
/// (DuckDB: <c>COPY (SELECT ... FROM range(N)) TO ... (FORMAT parquet, COMPRESSION snappy)</c>, then
/// <c>SELECT sum/count ... FROM read_parquet(...)</c>). Extra figures split write and read; <c>--opt mode=write</c>
/// runs only our write (to see the writer's own peak memory).
/// </summary>
internal sealed class ParquetWriteReadBenchmark : IBenchmark
{
    private const int BatchRows = 65_536;

    private static readonly StructType Schema = new(
        new StructField("id", DataType.Long, false),
        new StructField("name", DataType.String),
        new StructField("amount", DataType.Double),
        new StructField("day", DataType.Date),
        new StructField("flag", DataType.Boolean));

    public string Name => "parquet-write-read";

    public string Description => "Write then read back N rows × 5 columns (long, string, double, date, bool), SNAPPY";

    public bool HasOurSide => true;

    public bool HasDuckDbSide => true;

    public Task PrepareAsync(BenchContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<Measurement> RunOursAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var path = Path.Combine(context.NewOutputDirectory("ours-parquet"), "out.parquet");
        var watch = Stopwatch.StartNew();
        var batch = RecordBatch.CreateEmpty(Schema, BatchRows);
        var id = (Int64Vector)batch.Columns[0];
        var name = (BinaryVector)batch.Columns[1];
        var amount = (DoubleVector)batch.Columns[2];
        var day = (Int32Vector)batch.Columns[3];
        var flag = (BooleanVector)batch.Columns[4];
        Span<byte> text = stackalloc byte[32];
        "name-"u8.CopyTo(text);
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            using var writer = new ParquetFileWriter(file, Schema);
            for (long start = 0; start < context.Rows; start += BatchRows)
            {
                foreach (var c in batch.Columns)
                {
                    c.Clear();
                }

                var end = Math.Min(context.Rows, start + BatchRows);
                for (var i = start; i < end; i++)
                {
                    id.Append(i);
                    Utf8Formatter.TryFormat(i % 1_000_003, text[5..], out var digits);
                    name.Append(text[..(5 + digits)]);
                    amount.Append((i % 100_000) * 0.01);
                    day.Append(18262 + (int)(i % 3650));
                    flag.Append(i % 3 == 0);
                }

                writer.Write(new RecordBatch(Schema, batch.Columns));
            }

            writer.Close();
        }

        var written = watch.Elapsed;
        if (context.Option("mode", "write-read") == "write")
        {
            return new Measurement(written, context.Rows, new FileInfo(path).Length, Extra: Split(written, TimeSpan.Zero, context.Rows));
        }

        long idSum = 0;
        long names = 0;
        long trues = 0;
        using (var reader = ParquetFileReader.Open(path))
        {
            await foreach (var b in reader.ReadAllAsync(ct: cancellationToken))
            {
                foreach (var v in ((Int64Vector)b.Columns[0]).Values)
                {
                    idSum += v;
                }

                names += b.Columns[1].Count - b.Columns[1].NullCount;
                foreach (var v in ((BooleanVector)b.Columns[4]).Values)
                {
                    trues += v ? 1 : 0;
                }
            }
        }

        var total = watch.Elapsed;
        if (idSum != context.Rows * (context.Rows - 1) / 2 || names != context.Rows)
        {
            throw new InvalidOperationException($"Read back wrong data: sum(id) = {idSum}, names = {names}, trues = {trues}.");
        }

        return new Measurement(total, context.Rows, new FileInfo(path).Length, Extra: Split(written, total - written, context.Rows));
    }

    public async Task<Measurement> RunDuckDbAsync(BenchContext context, InteropHarness duckDb, CancellationToken cancellationToken)
    {
        var path = Path.Combine(context.NewOutputDirectory("duckdb-parquet"), "out.parquet");
        await duckDb.ExecuteDuckDbAsync($"SET threads = {context.Threads}");
        var write = await duckDb.ExecuteDuckDbAsync(
            "COPY (SELECT i::BIGINT AS id, 'name-' || (i % 1000003) AS name, (i % 100000) * 0.01 AS amount, " +
            "DATE '2020-01-01' + (i % 3650)::INTEGER AS day, i % 3 = 0 AS flag " +
            $"FROM range({context.Rows}) t(i)) TO {InteropHarness.SqlString(path)} (FORMAT parquet, COMPRESSION snappy)");
        var read = await duckDb.ExecuteDuckDbAsync(
            $"CREATE OR REPLACE TEMP TABLE r AS SELECT sum(id) s, count(name) n, sum(amount) a, max(day) d, count_if(flag) f FROM read_parquet({InteropHarness.SqlString(path)})");
        return new Measurement(write + read, context.Rows, new FileInfo(path).Length, Extra: Split(write, read, context.Rows));
    }

    private static Dictionary<string, double> Split(TimeSpan write, TimeSpan read, long rows)
    {
        var extra = new Dictionary<string, double> { ["write_s"] = write.TotalSeconds, ["write_Mrows_s"] = rows / write.TotalSeconds / 1e6 };
        if (read > TimeSpan.Zero)
        {
            extra["read_s"] = read.TotalSeconds;
            extra["read_Mrows_s"] = rows / read.TotalSeconds / 1e6;
        }

        return extra;
    }
}
