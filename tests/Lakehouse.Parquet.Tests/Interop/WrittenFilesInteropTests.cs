using System.Text.Json.Nodes;
using Lakehouse.Parquet.Data;
using Lakehouse.Testing.Interop;
using Lakehouse.Testing.IO;

namespace Lakehouse.Parquet.Tests.Interop;

/// <summary>Files we write are read by DuckDB and hyparquet with identical values.</summary>
public sealed class WrittenFilesInteropTests
{
    private static readonly StructType Flat = new(
        new StructField("id", DataType.Long, false),
        new StructField("name", DataType.String),
        new StructField("amount", DataType.Double),
        new StructField("day", DataType.Date),
        new StructField("flag", DataType.Boolean));

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Gzip)]
    [InlineData(ParquetCompression.Uncompressed)]
    public async Task FlatFile_DuckDbAndHyparquetReadSameValues(ParquetCompression compression)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("flat.parquet");
        var rows = new[]
        {
            new object?[] { long.MinValue, "", 0.0, new DateOnly(1900, 1, 1), true },
            new object?[] { long.MaxValue, "héllo ✓ 日本", -1.5e300, new DateOnly(1969, 12, 31), false },
            new object?[] { 0L, null, null, null, null },
            new object?[] { 42L, "x", 3.25, new DateOnly(2026, 11, 22), true },
        };
        await System.IO.File.WriteAllBytesAsync(path, TestFiles.Write(TestFiles.Batch(Flat, rows), new ParquetWriterOptions { Compression = compression }));

        var duck = await InteropHarness.Shared.QueryDuckDbAsync(
            $"SELECT id::VARCHAR AS id, name, amount, day::VARCHAR AS day, flag FROM read_parquet({InteropHarness.SqlString(path)})");
        var hyp = await InteropHarness.Shared.ReadWithHyparquetAsync(path);

        Assert.Equal(4, duck.Rows.Count);
        Assert.Equal(4, hyp.NumRows);
        Assert.Equal(long.MinValue.ToString(System.Globalization.CultureInfo.InvariantCulture), duck[0, "id"]!.GetValue<string>());
        Assert.Equal("", duck[0, "name"]!.GetValue<string>());
        Assert.Equal("héllo ✓ 日本", duck[1, "name"]!.GetValue<string>());
        Assert.Equal(-1.5e300, duck[1, "amount"]!.GetValue<double>());
        Assert.Equal("1969-12-31", duck[1, "day"]!.GetValue<string>());
        Assert.Equal("1900-01-01", duck[0, "day"]!.GetValue<string>());
        Assert.Null(duck[2, "name"]);
        Assert.Null(duck[2, "flag"]);
        Assert.False(duck[1, "flag"]!.GetValue<bool>());

        var h = hyp.Rows;
        Assert.Equal(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), h[1]!["id"]!.ToString());
        Assert.Equal("héllo ✓ 日本", h[1]!["name"]!.GetValue<string>());
        Assert.Null(h[2]!["amount"]);
        Assert.StartsWith("1969-12-31", h[1]!["day"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3.25, h[3]!["amount"]!.GetValue<double>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DictionaryFallbackMidChunk_DuckDbReadsAllValues(bool v2)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("fallback.parquet");
        var schema = new StructType(new StructField("id", DataType.Long, false), new StructField("s", DataType.String), new StructField("d", DataType.Double));
        var batch = RecordBatch.CreateEmpty(schema, 20_000);
        for (var i = 0; i < 20_000; i++)
        {
            ((Int64Vector)batch.Columns[0]).Append(i);
            if (i % 10 == 3)
            {
                batch.Columns[1].AppendNull();
            }
            else
            {
                ((BinaryVector)batch.Columns[1]).Append("v" + (i < 5000 ? i % 20 : i));
            }

            ((DoubleVector)batch.Columns[2]).Append(i < 5000 ? i % 7 : i * 0.5);
        }

        var options = new ParquetWriterOptions { DictionaryPageSizeLimit = 2048, PageSize = 4096, RowGroupSize = 200_000, UseDataPageV2 = v2 };
        await System.IO.File.WriteAllBytesAsync(path, TestFiles.Write(new RecordBatch(schema, batch.Columns), options));

        var duck = await InteropHarness.Shared.QueryDuckDbAsync(
            $"SELECT count(*)::VARCHAR n, count(s)::VARCHAR ns, sum(d)::VARCHAR sd, sum(CASE WHEN s = 'v' || CASE WHEN id < 5000 THEN id % 20 ELSE id END THEN 1 ELSE 0 END)::VARCHAR ok " +
            $"FROM read_parquet({InteropHarness.SqlString(path)})");
        var encodings = await InteropHarness.Shared.QueryDuckDbAsync(
            $"SELECT string_agg(DISTINCT encodings, ',' ORDER BY encodings) e FROM parquet_metadata({InteropHarness.SqlString(path)}) WHERE path_in_schema = 's'");

        Assert.Equal("20000", duck[0, "n"]!.GetValue<string>());
        Assert.Equal("18000", duck[0, "ns"]!.GetValue<string>());
        Assert.Equal("18000", duck[0, "ok"]!.GetValue<string>());
        var expectedSum = Enumerable.Range(0, 20_000).Sum(i => i < 5000 ? i % 7 : i * 0.5);
        Assert.Equal(expectedSum, double.Parse(duck[0, "sd"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("PLAIN", encodings[0, "e"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("RLE_DICTIONARY", encodings[0, "e"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
