using Lakehouse.Parquet.Compression.Zstd;

namespace Lakehouse.Parquet.Tests.Compression.Zstd;

/// <summary>Corrupt, truncated or unsupported input fails with an <see cref="InvalidDataException"/> that says why and where.</summary>
public sealed class ZstdDecoderErrorTests
{
    [Fact]
    public void Decompress_FrameWithDictionaryId_RejectsDictionary()
    {
        byte[] frame = [.. FrameBuilder.Magic, 0x21, 7, 3, .. FrameBuilder.RawBlock(true, "abc"u8.ToArray())];

        var error = Assert.Throws<InvalidDataException>(() => ZstdDecoder.Decompress(frame, new byte[16]));

        Assert.Contains("zstd dictionary id 7 is not supported", error.Message);
    }

    [Fact]
    public void Decompress_DestinationTooSmallForDeclaredContent_NamesDestination()
    {
        byte[] compressed = FixtureContent.ReadFixture("text-l3.zst");

        var error = Assert.Throws<InvalidDataException>(() => ZstdDecoder.Decompress(compressed, new byte[1000]));

        Assert.Contains("destination buffer of 1000 bytes", error.Message);
    }

    [Theory]
    [InlineData("text-l3-stream.zst", 100000)]
    [InlineData("text-l3-stream.zst", 159999)]
    [InlineData("multi-frame.zst", 11999)]
    [InlineData("runs-l3.zst", 200000)]
    public void Decompress_DestinationTooSmallWithoutDeclaredSize_NamesDestination(string fixture, int size)
    {
        byte[] compressed = FixtureContent.ReadFixture(fixture);

        var error = Assert.Throws<InvalidDataException>(() => ZstdDecoder.Decompress(compressed, new byte[size]));

        Assert.Contains($"destination buffer of {size} bytes", error.Message);
    }

    [Fact]
    public void Decompress_TruncatedFrame_ReportsTruncation()
    {
        byte[] compressed = FixtureContent.ReadFixture("text-l3.zst");

        var error = Assert.Throws<InvalidDataException>(
            () => ZstdDecoder.Decompress(compressed.AsSpan(0, compressed.Length - 10), new byte[200000]));

        Assert.Contains("Truncated zstd data at byte offset", error.Message);
    }

    [Fact]
    public void Decompress_ChecksumByteFlipped_ReportsChecksumMismatch()
    {
        byte[] compressed = FixtureContent.ReadFixture("text-l3.zst");
        compressed[^1] ^= 0x40;

        var error = Assert.Throws<InvalidDataException>(() => ZstdDecoder.Decompress(compressed, new byte[200000]));

        Assert.Contains("content checksum mismatch", error.Message);
        Assert.Contains($"byte offset {compressed.Length - 4}", error.Message);
    }

    [Fact]
    public void Decompress_UnknownMagic_ReportsMagicAndOffset()
    {
        byte[] input = [.. FixtureContent.ReadFixture("hello.zst"), 1, 2, 3, 4, 5];

        var error = Assert.Throws<InvalidDataException>(() => ZstdDecoder.Decompress(input, new byte[64]));

        Assert.Contains("expected zstd magic number 0xFD2FB528 but found 0x04030201", error.Message);
        Assert.Contains($"byte offset {input.Length - 5}", error.Message);
    }

    [Fact]
    public void Decompress_CompressedBlockLargerThanSingleSegmentContent_RejectsBlockSize()
    {
        byte[] frame = FrameBuilder.SingleSegment(5, FrameBuilder.CompressedBlock(true, [2 << 3, 97, 98, 1, 0x54, 2, 0, 0, 1]));

        var error = Assert.Throws<InvalidDataException>(() => ZstdDecoder.Decompress(frame, new byte[64]));

        Assert.Contains("block size 9 exceeds the block maximum of 5 bytes", error.Message);
    }

    [Fact]
    public void Decompress_EmptyInput_Throws()
    {
        Assert.Throws<InvalidDataException>(() => ZstdDecoder.Decompress([], new byte[8]));
    }

    [Fact]
    public void Decompress_ContentSizeDisagreesWithBlocks_ReportsBoth()
    {
        byte[] frame = FrameBuilder.SingleSegment(12, FrameBuilder.RawBlock(true, "hello world"u8.ToArray()));

        var error = Assert.Throws<InvalidDataException>(() => ZstdDecoder.Decompress(frame, new byte[64]));

        Assert.Contains("declares 12 bytes of content but regenerates 11", error.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x28, 0xB5, 0x2F, 0xFD, 0x28, 0x03, 0x01, 0x00, 0x00 }, "reserved bit")]
    [InlineData(new byte[] { 0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x03, 0x07, 0x00, 0x00 }, "reserved block type")]
    [InlineData(new byte[] { 0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x05, 0x25, 0x00, 0x00, 0x00, 0x01, 0xFC, 0x01 }, "repeat mode")]
    [InlineData(new byte[] { 0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x05, 0x25, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00 }, "treeless literals")]
    [InlineData(new byte[] { 0x28, 0xB5, 0x2F, 0xFD, 0x20, 0x05, 0x15, 0x00, 0x00, 0x10, 0x61, 0x62 }, "Truncated")]
    public void Decompress_MalformedBlock_ExplainsProblem(byte[] frame, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => ZstdDecoder.Decompress(frame, new byte[64]));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void GetFrameContentSize_NotZstd_Throws()
    {
        Assert.Throws<InvalidDataException>(() => ZstdDecoder.GetFrameContentSize("PAR1xxxx"u8));
    }
}
