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
