using System.Buffers.Binary;

namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// A parsed zstd frame header (RFC 8878 section 3.1.1.1): magic number, frame header descriptor, optional window
/// descriptor, dictionary id and frame content size.
/// </summary>
internal readonly record struct FrameHeader(
    int HeaderSize,
    ulong WindowSize,
    long? ContentSize,
    bool HasChecksum,
    uint DictionaryId)
{
    public const uint Magic = 0xFD2FB528;
    public const uint SkippableMagicMask = 0xFFFFFFF0;
    public const uint SkippableMagic = 0x184D2A50;

    /// <summary>The largest block, compressed or regenerated (RFC 8878 section 3.1.1.2.3).</summary>
    public const int MaxBlockSize = 128 * 1024;

    /// <summary>Block_Maximum_Size: the smaller of the window size and 128 KiB.</summary>
    public int BlockSizeMax => WindowSize < MaxBlockSize ? (int)WindowSize : MaxBlockSize;

    /// <summary>Parses the header of the zstd frame starting at <paramref name="offset"/> (magic included).</summary>
    public static FrameHeader Parse(ReadOnlySpan<byte> source, int offset)
    {
        int available = source.Length - offset;
        if (available < 5)
        {
            ZstdThrow.Truncated(offset, "the zstd frame header", 5, available);
        }

        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(offset));
        if (magic != Magic)
        {
            ZstdThrow.Corrupt(offset, $"expected zstd magic number 0xFD2FB528 but found 0x{magic:X8}");
        }

        byte descriptor = source[offset + 4];
        int fcsFlag = descriptor >> 6;
        bool singleSegment = (descriptor & 0x20) != 0;
        if ((descriptor & 0x08) != 0)
        {
            ZstdThrow.Corrupt(offset + 4, "the reserved bit of the frame header descriptor is set");
        }

        bool hasChecksum = (descriptor & 0x04) != 0;
        int dictIdSize = (descriptor & 3) switch { 0 => 0, 1 => 1, 2 => 2, _ => 4 };
        int fcsSize = fcsFlag switch { 0 => singleSegment ? 1 : 0, 1 => 2, 2 => 4, _ => 8 };
        int headerSize = 5 + (singleSegment ? 0 : 1) + dictIdSize + fcsSize;
        if (available < headerSize)
        {
            ZstdThrow.Truncated(offset, "the zstd frame header", headerSize, available);
        }

        int pos = offset + 5;
        ulong windowSize = 0;
        if (!singleSegment)
        {
            byte windowDescriptor = source[pos++];
            int windowLog = 10 + (windowDescriptor >> 3);
            ulong windowBase = 1UL << windowLog;
            windowSize = windowBase + ((windowBase / 8) * (ulong)(windowDescriptor & 7));
        }

        uint dictionaryId = dictIdSize switch
        {
            0 => 0,
            1 => source[pos],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(pos)),
            _ => BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(pos)),
        };
        pos += dictIdSize;

        long? contentSize = fcsSize switch
        {
            0 => null,
            1 => source[pos],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(pos)) + 256L,
            4 => BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(pos)),
            _ => ReadContentSize64(source.Slice(pos), offset),
        };

        if (singleSegment)
        {
            windowSize = (ulong)contentSize!.Value;
        }

        return new FrameHeader(headerSize, windowSize, contentSize, hasChecksum, dictionaryId);
    }

    private static long ReadContentSize64(ReadOnlySpan<byte> field, int frameOffset)
    {
        ulong value = BinaryPrimitives.ReadUInt64LittleEndian(field);
        if (value > long.MaxValue)
        {
            ZstdThrow.Corrupt(frameOffset, $"frame content size {value} is not representable");
        }

        return (long)value;
    }
}
