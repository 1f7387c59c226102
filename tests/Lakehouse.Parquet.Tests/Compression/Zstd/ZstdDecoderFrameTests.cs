using Lakehouse.Parquet.Compression.Zstd;

namespace Lakehouse.Parquet.Tests.Compression.Zstd;

/// <summary>Hand-made frames for format paths the reference CLI rarely produces.</summary>
public sealed class ZstdDecoderFrameTests
{
    [Fact]
    public void Decompress_RleLiteralsWithoutSequences_RepeatsTheByte()
    {
        byte[] frame = FrameBuilder.SingleSegment(10, FrameBuilder.CompressedBlock(true, [(10 << 3) | 1, (byte)'x', 0]));

        Assert.Equal("xxxxxxxxxx"u8.ToArray(), Decode(frame, 10));
    }

    [Fact]
    public void Decompress_RleSequenceTables_ExecuteRepeatOffsetMatch()
    {
        // Raw literals "ab"; one sequence: literal length code 2, offset code 0 (repeat offset 1), match length code 0 (3).
        byte[] block = [2 << 3, (byte)'a', (byte)'b', 1, 0x54, 2, 0, 0, 0x01];
        byte[] frame = FrameBuilder.Windowed(0, FrameBuilder.CompressedBlock(true, block));

        Assert.Equal("abbbb"u8.ToArray(), Decode(frame, 5));
    }

    [Fact]
    public void Decompress_ThreeByteSequenceCountWithZeroLiteralLengths_UsesShiftedRepeatOffsets()
    {
        // 0x7F00 sequences of (literal length 0, offset value 1, match length 3): with no literals, offset value 1
        // means the second repeat offset, so the history swaps 4 and 1 on every sequence (RFC 8878 3.1.2.5).
        const int sequences = 0x7F00;
        byte[] block = [0, 255, 0, 0, 0x54, 0, 0, 0, 0x01];
        byte[] frame = FrameBuilder.Windowed(
            7 << 3, FrameBuilder.RawBlock(false, "abcd"u8.ToArray()), FrameBuilder.CompressedBlock(true, block));

        byte[] expected = new byte[4 + (sequences * 3)];
        "abcd"u8.CopyTo(expected);
        int op = 4;
        uint rep0 = 1, rep1 = 4;
        for (int i = 0; i < sequences; i++)
        {
            (rep0, rep1) = (rep1, rep0);
            for (int j = 0; j < 3; j++, op++)
            {
                expected[op] = expected[op - (int)rep0];
            }
        }

        Assert.Equal(expected, Decode(frame, expected.Length));
    }

    [Fact]
    public void Decompress_OnlySkippableFrames_ReturnsZero()
    {
        byte[] input = [0x5E, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 1, 2, 3];

        Assert.Equal(0, ZstdDecoder.Decompress(input, new byte[8]));
    }

    [Fact]
    public void Decompress_RawBlockInWindowedFrame_CopiesBytes()
    {
        byte[] frame = FrameBuilder.Windowed(0, FrameBuilder.RawBlock(true, "parquet"u8.ToArray()));

        Assert.Equal("parquet"u8.ToArray(), Decode(frame, 7));
        Assert.Null(ZstdDecoder.GetFrameContentSize(frame));
    }

    private static byte[] Decode(byte[] frame, int size)
    {
        var destination = new byte[size];
        int written = ZstdDecoder.Decompress(frame, destination);
        return destination[..written];
    }
}
