using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using Lakehouse.Pipelines.Sources;
using Lakehouse.Pipelines.Sources.Input;

namespace Lakehouse.Pipelines.Tests.Sources;

public sealed class GzipMemberStreamTests
{
    private static byte[] Gzip(string text)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    /// <summary>A member with the optional header fields gzip(1) and other tools write: FEXTRA, FNAME, FCOMMENT, FHCRC.</summary>
    private static byte[] GzipWithHeaderFields(string text)
    {
        var data = Encoding.UTF8.GetBytes(text);
        var member = new MemoryStream();
        member.Write([0x1f, 0x8b, 8, 0x02 | 0x04 | 0x08 | 0x10, 0, 0, 0, 0, 0, 3]);
        member.Write([4, 0, (byte)'A', (byte)'B', 0, 0]); // XLEN = 4, one subfield with no data
        member.Write("orders.csv\0"u8);
        member.Write("exported nightly\0"u8);
        member.Write([0xAB, 0xCD]); // header CRC16 (not checked by readers that skip it, as gzip -d does not require it)
        using (var deflate = new DeflateStream(member, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }

        var trailer = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc32.HashToUInt32(data));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer.AsSpan(4), (uint)data.Length);
        member.Write(trailer);
        return member.ToArray();
    }

    private static async Task<string> DecompressAsync(byte[] bytes, int readSize = 4096)
    {
        await using var gzip = new GzipMemberStream(new MemoryStream(bytes));
        var output = new MemoryStream();
        var buffer = new byte[readSize];
        int n;
        while ((n = await gzip.ReadAsync(buffer)) > 0)
        {
            output.Write(buffer, 0, n);
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static readonly string Big = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i},name {i}\n"));

    [Fact]
    public async Task ConcatenatedMembers_AreReadOneAfterTheOther()
    {
        var bytes = Gzip("id,name\n1,a\n2,") .Concat(Gzip("b\n3,c\n")).Concat(Gzip(string.Empty)).Concat(Gzip(Big)).ToArray();

        Assert.Equal("id,name\n1,a\n2,b\n3,c\n" + Big, await DecompressAsync(bytes));
        Assert.Equal("id,name\n1,a\n2,b\n3,c\n" + Big, await DecompressAsync(bytes, readSize: 7));
    }

    [Fact]
    public async Task MemberWithOptionalHeaderFields_IsRead()
    {
        var bytes = GzipWithHeaderFields("x,y\n") .Concat(GzipWithHeaderFields(Big)).ToArray();

        Assert.Equal("x,y\n" + Big, await DecompressAsync(bytes));
    }

    [Fact]
    public async Task EveryCutOfATwoMemberFile_ThrowsUnlessItFallsBetweenMembers()
    {
        var first = Gzip("id,name\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i},n{i}\n")));
        var bytes = first.Concat(Gzip(string.Concat(Enumerable.Range(40, 40).Select(i => $"{i},n{i}\n")))).ToArray();

        for (var cut = 1; cut < bytes.Length; cut++)
        {
            if (cut == first.Length)
            {
                Assert.StartsWith("id,name\n0,n0\n", await DecompressAsync(bytes[..cut]), StringComparison.Ordinal);
                continue;
            }

            await Assert.ThrowsAsync<InvalidDataException>(() => DecompressAsync(bytes[..cut]));
        }
    }

    [Fact]
    public async Task WrongCrc_Throws()
    {
        var bytes = Gzip(Big);
        bytes[^8] ^= 0x01;

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => DecompressAsync(bytes));

        Assert.Contains("truncated or corrupt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BytesAfterTheLastMember_ThatAreNotGzip_Throw()
    {
        var bytes = Gzip("a\n1\n").Concat("garbage"u8.ToArray()).ToArray();

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => DecompressAsync(bytes));

        Assert.Contains("not a gzip member", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_OfConcatenatedGzipCsv_ReadsEveryRow()
    {
        var bytes = Gzip("id,name\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => $"{i},name {i}\n")))
            .Concat(Gzip(string.Concat(Enumerable.Range(3000, 3000).Select(i => $"{i},name {i}\n")))).ToArray();

        var r = await SourceHarness.ReadAsync(SourceHarness.Csv(), bytes, uri: "s3://x/a.csv.gz");

        Assert.Equal(6000, r.Rows.Count);
        Assert.Equal("name 5999", r.Value(5999, "name"));
        Assert.Equal(0, r.Stats.RowsRescued);
    }

    [Fact]
    public async Task Reader_OfConcatenatedGzipCutInTheSecondMember_ThrowsSourceFormatException()
    {
        var first = Gzip("id,name\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => $"{i},name {i}\n")));
        var bytes = first.Concat(Gzip(Big)).ToArray();

        var e = await Assert.ThrowsAsync<SourceFormatException>(() => SourceHarness.ReadAsync(SourceHarness.Csv(), bytes[..(first.Length + 200)], uri: "s3://x/a.csv.gz"));

        Assert.Contains("member 2", e.Message, StringComparison.Ordinal);
        Assert.Equal("s3://x/a.csv.gz", e.SourceUri);
    }
}
