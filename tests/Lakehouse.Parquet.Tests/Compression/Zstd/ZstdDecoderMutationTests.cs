using Lakehouse.Parquet.Compression.Zstd;

namespace Lakehouse.Parquet.Tests.Compression.Zstd;

/// <summary>
/// Thousands of truncated and bit-flipped frames: the decoder either throws <see cref="InvalidDataException"/> or,
/// when the damage is harmless, returns the original bytes. It never hangs, crashes or throws anything else.
/// </summary>
public sealed class ZstdDecoderMutationTests
{
    public static TheoryData<string, int> ChecksummedFixtures() => new()
    {
        { "text-tiny-l19.zst", 1500 },
        { "text-small-l19.zst", 1500 },
        { "nibbles-l1.zst", 1000 },
        { "uniform16-l1.zst", 600 },
        { "binary-l19.zst", 400 },
        { "skewed-l19.zst", 300 },
        { "text-l1.zst", 300 },
        { "text-l19.zst", 300 },
        { "runs-l3.zst", 600 },
        { "multi-frame.zst", 800 },
    };

    [Theory]
    [MemberData(nameof(ChecksummedFixtures))]
    public void Decompress_MutatedChecksummedFrame_ThrowsInvalidDataOrReturnsOriginal(string fixture, int iterations)
    {
        byte[] original = FixtureContent.ReadFixture(fixture);
        byte[] expected = FixtureContent.Expected(fixture);
        var destination = new byte[expected.Length + 64];
        var random = new Random(fixture.Length * 7919);
        int rejected = 0;

        for (int i = 0; i < iterations; i++)
        {
            byte[] mutated = Mutate(original, random);
            try
            {
                int written = ZstdDecoder.Decompress(mutated, destination);

                // multi-frame.zst has an unchecked frame; elsewhere the checksum catches any changed output.
                if (fixture != "multi-frame.zst")
                {
                    Assert.True(
                        expected.AsSpan().SequenceEqual(destination.AsSpan(0, written)),
                        $"{fixture} mutation {i} decoded without error to different bytes");
                }
            }
            catch (InvalidDataException)
            {
                rejected++;
            }
        }

        Assert.True(rejected > iterations / 2, $"only {rejected} of {iterations} mutations of {fixture} were rejected");
    }

    [Theory]
    [InlineData("text-l3-nocheck.zst", 300)]
    [InlineData("text-l3-stream.zst", 300)]
    public void Decompress_MutatedUncheckedFrame_OnlyEverThrowsInvalidData(string fixture, int iterations)
    {
        byte[] original = FixtureContent.ReadFixture(fixture);
        var destination = new byte[FixtureContent.Expected(fixture).Length];
        var random = new Random(fixture.Length * 104729);
        int decoded = 0;

        for (int i = 0; i < iterations; i++)
        {
            byte[] mutated = Mutate(original, random);
            try
            {
                int written = ZstdDecoder.Decompress(mutated, destination);
                Assert.InRange(written, 0, destination.Length);
                decoded++;
            }
            catch (InvalidDataException)
            {
            }
        }

        Assert.True(decoded < iterations, "every mutation decoded, so none was detected");
    }

    [Fact]
    public void Decompress_RandomBytesAfterValidFrameHeader_OnlyEverThrowsInvalidData()
    {
        var random = new Random(4242);
        var destination = new byte[1 << 17];
        for (int i = 0; i < 3000; i++)
        {
            var input = new byte[6 + random.Next(1, 400)];
            random.NextBytes(input);
            FrameBuilder.Magic.CopyTo(input, 0);
            input[4] = (byte)(input[4] & 0xF4);

            try
            {
                int written = ZstdDecoder.Decompress(input, destination);
                Assert.InRange(written, 0, destination.Length);
            }
            catch (InvalidDataException)
            {
            }
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        byte[] mutated = (byte[])original.Clone();
        switch (random.Next(5))
        {
            case 0:
                return mutated[..random.Next(mutated.Length)];
            case 1:
                mutated[random.Next(mutated.Length)] ^= (byte)(1 << random.Next(8));
                return mutated;
            case 2:
                for (int k = random.Next(1, 5); k > 0; k--)
                {
                    mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                }

                return mutated;
            case 3:
                {
                    // Damage near the start, where headers and tables live.
                    int limit = Math.Min(mutated.Length, 64);
                    mutated[random.Next(limit)] ^= (byte)(1 << random.Next(8));
                    return mutated;
                }

            default:
                {
                    int at = random.Next(mutated.Length);
                    return [.. mutated[..at], .. mutated[(at + 1)..]];
                }
        }
    }
}
