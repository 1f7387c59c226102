using Lakehouse.Parquet.Compression.Zstd;

namespace Lakehouse.Parquet.Tests.Compression.Zstd;

/// <summary>Literal sections built by <see cref="HuffmanTestEncoder"/> decode back to the literals.</summary>
public sealed class HuffmanLiteralsRoundTripTests
{
    [Fact]
    public void Decompress_RandomCodesAndLiterals_RoundTrip()
    {
        var random = new Random(8878);
        for (int round = 0; round < 150; round++)
        {
            var encoder = HuffmanTestEncoder.CreateRandom(random.Next(2, 130), random);
            var literals = new byte[random.Next(6, random.Next(2) == 0 ? 2000 : 20000)];
            for (int i = 0; i < literals.Length; i++)
            {
                literals[i] = (byte)random.Next(encoder.SymbolCount);
            }

            AssertRoundTrip(encoder, literals, $"round {round}");
        }
    }

    [Fact]
    public void Decompress_FourthStreamMuchShorterThanOthers_RoundTrips()
    {
        // Symbol 0 has a 1-bit code, symbols 1..64 have 7-bit codes. The fourth quarter uses only symbol 0, so its
        // stream is a seventh of the others' and runs out long before them.
        var encoder = HuffmanTestEncoder.FromLengths([1, .. Enumerable.Repeat(7, 64)]);
        var random = new Random(42);
        var literals = new byte[4000];
        for (int i = 0; i < literals.Length; i++)
        {
            literals[i] = (byte)(i >= 3000 ? 0 : random.Next(1, 65));
        }

        AssertRoundTrip(encoder, literals, "short fourth stream");
    }

    private static void AssertRoundTrip(HuffmanTestEncoder encoder, byte[] literals, string because)
    {
        byte[] frame = FrameBuilder.Windowed(7 << 3, FrameBuilder.CompressedBlock(true, encoder.FourStreamBlockWithoutSequences(literals)));
        var destination = new byte[literals.Length];

        int written = ZstdDecoder.Decompress(frame, destination);

        Assert.Equal(literals.Length, written);
        Assert.True(literals.AsSpan().SequenceEqual(destination), because);
    }
}
