using Lakehouse.Parquet.Compression.Zstd;

namespace Lakehouse.Parquet.Tests.Compression.Zstd;

/// <summary>Frames written by the reference zstd CLI (Fixtures/generate.py) decode to their exact original bytes.</summary>
public sealed class ZstdDecoderFixtureTests
{
    public static TheoryData<string> Fixtures() =>
    [
        "empty.zst", "hello.zst", "text-small-l19.zst", "text-tiny-l19.zst", "uniform16-l1.zst", "nibbles-l1.zst",
        "low-entropy-tail-l1.zst", "text-l1.zst", "text-l3.zst", "text-l19.zst",
        "text-ultra22-long.zst", "text-l3-nocheck.zst", "text-l3-stream.zst", "binary-l3.zst", "binary-l19.zst",
        "random.zst", "runs-l3.zst", "skewed-l3.zst", "skewed-l19.zst", "far-match-long.zst", "multi-frame.zst",
    ];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Decompress_ReferenceCliFixture_ReturnsOriginalBytes(string fixture)
    {
        byte[] compressed = FixtureContent.ReadFixture(fixture);
        byte[] expected = FixtureContent.Expected(fixture);
        var destination = new byte[expected.Length + 64];

        int written = ZstdDecoder.Decompress(compressed, destination);

        Assert.Equal(expected.Length, written);
        Assert.True(expected.AsSpan().SequenceEqual(destination.AsSpan(0, written)), $"{fixture} decoded to different bytes");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Decompress_DestinationOfExactSize_Succeeds(string fixture)
    {
        byte[] compressed = FixtureContent.ReadFixture(fixture);
        byte[] expected = FixtureContent.Expected(fixture);
        var destination = new byte[expected.Length];

        int written = ZstdDecoder.Decompress(compressed, destination);

        Assert.Equal(expected.Length, written);
        Assert.True(expected.AsSpan().SequenceEqual(destination), $"{fixture} decoded to different bytes");
    }

    [Theory]
    [InlineData("text-l3.zst", 160000L)]
    [InlineData("hello.zst", 11L)]
    [InlineData("empty.zst", 0L)]
    [InlineData("text-l3-stream.zst", null)]
    public void GetFrameContentSize_ReportsDeclaredSizeOrNull(string fixture, long? expected)
    {
        Assert.Equal(expected, ZstdDecoder.GetFrameContentSize(FixtureContent.ReadFixture(fixture)));
    }
}
