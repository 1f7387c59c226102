using FsCheck;
using FsCheck.Fluent;
using Lakehouse.Parquet.Compression;

namespace Lakehouse.Parquet.Tests.Compression;

public sealed class SnappyCodecTests
{
    private static readonly Gen<byte[]> Inputs =
        Gen.OneOf(
            Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)),
            Gen.ArrayOf(Gen.Choose(0, 3).Select(b => (byte)b)),
            Gen.Choose(0, 200_000).Select(n => Enumerable.Range(0, n).Select(i => (byte)(i % 251 % 7)).ToArray()));

    [Fact]
    public void Compress_IsReadByIronSnappy_AndRoundTrips()
    {
        Prop.ForAll(Inputs.ToArbitrary(), input =>
        {
            var codec = new SnappyCodec();
            var compressed = new byte[codec.MaxCompressedLength(input.Length)];
            var n = codec.Compress(input, compressed);
            var byIron = IronSnappy.Snappy.Decode(compressed.AsSpan(0, n));
            var ours = new byte[input.Length];
            codec.Decompress(compressed.AsSpan(0, n), ours);
            return byIron.AsSpan().SequenceEqual(input) && ours.AsSpan().SequenceEqual(input);
        }).QuickCheckThrowOnFailure();
    }

    public static TheoryData<string> PageLikeInputs => ["doubles", "sequential-longs", "small-ints", "runs", "text", "random", "tiny"];

    [Theory]
    [MemberData(nameof(PageLikeInputs))]
    public void Compress_PageLikeData_IsReadByIronSnappy_AndShrinksLikeIronSnappy(string kind)
    {
        var codec = new SnappyCodec();
        foreach (var length in new[] { 0, 1, 15, 16, 17, 31, 4096, 65535, 65536, 65537, 300_001 })
        {
            var input = PageLike(kind, length);
            var compressed = new byte[codec.MaxCompressedLength(input.Length)];
            var n = codec.Compress(input, compressed);
            Assert.Equal(input, IronSnappy.Snappy.Decode(compressed.AsSpan(0, n)));
            var ours = new byte[input.Length];
            codec.Decompress(compressed.AsSpan(0, n), ours);
            Assert.Equal(input, ours);

            // Same algorithm as the reference: the size stays within a few percent of IronSnappy's (a port of Go snappy).
            var iron = IronSnappy.Snappy.Encode(input).Length;
            Assert.True(n <= (iron * 1.05) + 8, $"{kind} × {length}: {n} bytes, IronSnappy {iron}");
        }
    }

    private static byte[] PageLike(string kind, int length)
    {
        var bytes = new byte[length];
        var state = 0x9E3779B97F4A7C15UL;
        ulong Next()
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return state;
        }

        for (var i = 0; i < length; i++)
        {
            bytes[i] = kind switch
            {
                "doubles" => BitConverter.GetBytes((long)(Next() >> 40) % 1_000_000 / 100.0)[0],
                "sequential-longs" => BitConverter.GetBytes(1_000_000L + (i / 8))[i % 8],
                "small-ints" => BitConverter.GetBytes(18_262 + (int)(Next() % 1500))[i % 4],
                "runs" => (byte)(i / 1000 % 3),
                "text" => "customer_12345,customer_777,"u8[i % 28],
                "random" => (byte)Next(),
                _ => (byte)(i % 2),
            };
        }

        if (kind == "doubles")
        {
            // Whole doubles, not one byte of each: cents amounts share exponent and mantissa bytes (short matches).
            for (var i = 0; i + 8 <= length; i += 8)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i), (long)(Next() >> 40) % 1_000_000 / 100.0);
            }
        }

        return bytes;
    }

    [Fact]
    public void Decompress_ReadsIronSnappyOutput()
    {
        Prop.ForAll(Inputs.ToArbitrary(), input =>
        {
            var compressed = IronSnappy.Snappy.Encode(input);
            var ours = new byte[input.Length];
            new SnappyCodec().Decompress(compressed, ours);
            return ours.AsSpan().SequenceEqual(input);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decompress_CopyBeforeStart_ThrowsInvalidData()
    {
        byte[] corrupt = [8, 0x01 | (4 << 2), 0x05];
        Assert.Throws<InvalidDataException>(() => new SnappyCodec().Decompress(corrupt, new byte[8]));
    }
}
