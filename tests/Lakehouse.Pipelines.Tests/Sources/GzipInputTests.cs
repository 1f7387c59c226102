using System.IO.Compression;
using System.Text;
using Lakehouse.Pipelines.Sources;

namespace Lakehouse.Pipelines.Tests.Sources;

public sealed class GzipInputTests
{
    private static byte[] Gzip(string text)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private static readonly string Csv = "id,name\n" + string.Join("\n", Enumerable.Range(0, 5000).Select(i => $"{i},name {i}")) + "\n";

    [Theory]
    [InlineData("s3://landing/orders/a.csv.gz")]
    [InlineData("s3://landing/orders/a.csv")]
    public async Task Read_GzipContent_IsDecompressedByNameOrMagicBytes(string uri)
    {
        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), Gzip(Csv), uri: uri);

        Assert.Equal(5000, r.Rows.Count);
        Assert.Equal("name 4999", r.Value(4999, "name"));
        Assert.True(r.Stats.RawBytesRead < r.Stats.BytesRead);
        Assert.Equal(Encoding.UTF8.GetByteCount(Csv), r.Stats.BytesRead);
    }

    [Fact]
    public async Task Read_GzipJsonLines_IsDecompressed()
    {
        var r = await SourceHarness.ReadAsync(SourceHarness.Json(), Gzip("{\"a\": 1}\n{\"a\": 2}\n"), uri: "s3://x/e.json.gz");

        Assert.Equal([1L, 2L], r.Rows.Select(row => row[0]));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(200)]
    public async Task Read_TruncatedGzip_ThrowsSourceFormatException(int cut)
    {
        var bytes = Gzip(Csv);
        var e = await Assert.ThrowsAsync<SourceFormatException>(() => SourceHarness.ReadAsync(SourceHarness.Csv(), bytes[..^cut], uri: "s3://x/a.csv.gz"));

        Assert.Contains("gzip", e.Message);
    }

    [Fact]
    public async Task Read_CorruptGzip_ThrowsSourceFormatException()
    {
        var bytes = Gzip(Csv);
        for (var i = 20; i < 60; i++)
        {
            bytes[i] ^= 0x5a;
        }

        var e = await Assert.ThrowsAsync<SourceFormatException>(() => SourceHarness.ReadAsync(SourceHarness.Csv(), bytes, uri: "s3://x/a.csv.gz"));

        Assert.Equal("s3://x/a.csv.gz", e.SourceUri);
    }

    [Fact]
    public async Task Read_GzNameWithoutGzipContent_Throws()
    {
        var e = await Assert.ThrowsAsync<SourceFormatException>(() => SourceHarness.ReadAsync(SourceHarness.Csv(), "a\n1\n", uri: "s3://x/a.csv.gz"));

        Assert.Contains("not gzip", e.Message);
    }
}
