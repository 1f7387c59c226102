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
}
