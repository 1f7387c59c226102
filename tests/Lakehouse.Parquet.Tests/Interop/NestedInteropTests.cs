using System.Globalization;
using Lakehouse.Testing.Interop;
using Lakehouse.Testing.IO;

namespace Lakehouse.Parquet.Tests.Interop;

/// <summary>Every type and nesting we write is read by DuckDB and hyparquet with the same values.</summary>
public sealed class NestedInteropTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AllTypesFile_DuckDbReadsSameValues(bool v2)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("all.parquet");
        await System.IO.File.WriteAllBytesAsync(path, TestFiles.Write(TestFiles.Batch(NestedRoundTripTests.AllTypes, NestedRoundTripTests.AllTypesRows()), new ParquetWriterOptions { UseDataPageV2 = v2 }));

        var duck = await InteropHarness.Shared.QueryDuckDbAsync(
            "SELECT b::VARCHAR b, s::VARCHAR s, i::VARCHAR i, f::VARCHAR f, hex(bin) bin, strftime(ts, '%Y-%m-%d %H:%M:%S.%f') ts, " +
            "d9::VARCHAR d9, d18::VARCHAR d18, d38::VARCHAR d38, st.x::VARCHAR sx, st.y sy, to_json(tags)::VARCHAR tags, " +
            "props['k1'] k1, cardinality(props)::VARCHAR np, to_json(items)::VARCHAR items, to_json(nested)::VARCHAR nested " +
            $"FROM read_parquet({InteropHarness.SqlString(path)})");

        Assert.Equal(3, duck.Rows.Count);
        string? S(int row, string col) => duck[row, col]?.GetValue<string>();
        Assert.Equal("-128", S(0, "b"));
        Assert.Equal("32767", S(0, "s"));
        Assert.Equal(int.MinValue.ToString(CultureInfo.InvariantCulture), S(0, "i"));
        Assert.Equal("1.5", S(0, "f"));
        Assert.Equal("00FF07", S(0, "bin"));
        Assert.Equal("1955-03-04 05:06:07.000001", S(0, "ts"));
        Assert.Equal("-9999999.99", S(0, "d9"));
        Assert.Equal("99999999999999.9999", S(0, "d18"));
        Assert.Equal("-9999999999999999999999999999.9999999999", S(0, "d38"));
        Assert.Equal("5", S(0, "sx"));
        Assert.Equal("y", S(0, "sy"));
        Assert.Equal("[\"a\",null,\"\"]", S(0, "tags"));
        Assert.Equal("v1", S(0, "k1"));
        Assert.Equal("2", S(0, "np"));
        Assert.Equal("[{\"k\":1,\"v\":[1.0,null]},null,{\"k\":null,\"v\":[]}]", S(0, "items"));
        Assert.Equal("[[1,2],null,[]]", S(0, "nested"));
        for (var c = 0; c < duck.Columns.Count; c++)
        {
            Assert.Null(duck.Rows[1]![c]);
        }

        Assert.Equal("127", S(2, "b"));
        Assert.Equal("0.00", S(2, "d9"));
        Assert.Equal("-0.0001", S(2, "d18"));
        Assert.Equal("1234567890123456789.0123456789", S(2, "d38"));
        Assert.Equal("", S(2, "sy"));
        Assert.Null(duck[2, "sx"]);
        Assert.Equal("[]", S(2, "tags"));
        Assert.Equal("0", S(2, "np"));
        Assert.Equal("[[" + long.MinValue.ToString(CultureInfo.InvariantCulture) + "]]", S(2, "nested"));
        Assert.Equal("2262-01-01 00:00:00.000000", S(2, "ts"));
    }

    [Theory]
    [InlineData(false, ParquetCompression.Snappy)]
    [InlineData(true, ParquetCompression.Gzip)]
    public async Task AllTypesFile_HyparquetReadsSameValues(bool v2, ParquetCompression compression)
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("all.parquet");
        var options = new ParquetWriterOptions { UseDataPageV2 = v2, Compression = compression };
        await System.IO.File.WriteAllBytesAsync(path, TestFiles.Write(TestFiles.Batch(NestedRoundTripTests.AllTypes, NestedRoundTripTests.AllTypesRows()), options));

        var hyp = await InteropHarness.Shared.ReadWithHyparquetAsync(path);

        Assert.Equal(3, hyp.NumRows);
        var r0 = hyp.Rows[0]!.AsObject();
        Assert.Equal(-128, r0["b"]!.GetValue<int>());
        Assert.Equal(32767, r0["s"]!.GetValue<int>());
        Assert.Equal(int.MinValue, r0["i"]!.GetValue<int>());
        Assert.True(r0["bin"]!.ToJsonString() is "{\"$base64\":\"AP8H\"}" or "\"\\u0000\\uFFFD\\u0007\"", r0.ToJsonString());
        Assert.StartsWith("1955-03-04T05:06:07", r0["ts"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(-9999999.99, r0["d9"]!.GetValue<double>(), 6);
        Assert.Equal("5", r0["st"]!["x"]!.ToString());
        Assert.Equal("y", r0["st"]!["y"]!.GetValue<string>());
        Assert.Equal("[\"a\",null,\"\"]", r0["tags"]!.ToJsonString());
        Assert.Equal("v1", r0["props"]!["k1"]!.GetValue<string>());
        Assert.Null(r0["props"]!["k2"]);
        Assert.Equal(1, r0["items"]![0]!["k"]!.GetValue<int>());
        Assert.Null(r0["items"]![1]);
        Assert.Equal("[[\"1\",\"2\"],null,[]]", r0["nested"]!.ToJsonString());
        var r1 = hyp.Rows[1]!.AsObject();
        Assert.Null(r1["st"]);
        Assert.Null(r1["tags"]);
        Assert.Null(r1["d38"]);
        var r2 = hyp.Rows[2]!.AsObject();
        Assert.Equal("[]", r2["tags"]!.ToJsonString());
        Assert.Equal(-0.0001, r2["d18"]!.GetValue<double>(), 10);
        Assert.Equal("", r2["st"]!["y"]!.GetValue<string>());
    }

    [Fact]
    public async Task EmptyFile_IsReadByDuckDbAndUs()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("empty.parquet");
        await System.IO.File.WriteAllBytesAsync(path, TestFiles.Write(NestedRoundTripTests.AllTypes, []));

        var duck = await InteropHarness.Shared.QueryDuckDbAsync($"SELECT count(*)::VARCHAR AS n FROM read_parquet({InteropHarness.SqlString(path)})");
        using var reader = ParquetFileReader.Open(path);

        Assert.Equal("0", duck[0, "n"]!.GetValue<string>());
        Assert.Equal(0, reader.RowCount);
        Assert.Empty(reader.RowGroups);
        Assert.Equal(NestedRoundTripTests.AllTypes, reader.Schema);
    }
}
