using System.Buffers.Binary;

namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// Decodes one zstd frame (RFC 8878 section 3.1.1): header, blocks until the last one, optional content checksum.
/// Output goes straight into the caller's destination; matches may reach back to the start of the frame.
/// </summary>
internal static class FrameDecoder
{
    /// <summary>Decodes the frame at <paramref name="inputPosition"/>, advancing it and <paramref name="outputPosition"/>.</summary>
    public static void Decode(
        ReadOnlySpan<byte> source, ref int inputPosition, Span<byte> destination, ref int outputPosition, DecoderContext context)
    {
        int frameOffset = inputPosition;
        FrameHeader header = FrameHeader.Parse(source, frameOffset);
        if (header.DictionaryId != 0)
        {
            throw new InvalidDataException(
                $"zstd dictionary id {header.DictionaryId} is not supported (frame at byte offset {frameOffset}); " +
                "recompress without a dictionary.");
        }

        int frameStart = outputPosition;
        if (header.ContentSize is long declared && declared > destination.Length - frameStart)
        {
            ZstdThrow.DestinationTooSmall(frameOffset, frameStart + declared, destination.Length);
        }

        context.ResetForFrame();
        int blockSizeMax = header.BlockSizeMax;
        int ip = frameOffset + header.HeaderSize;
        int op = frameStart;
        bool last;
        do
        {
            if (source.Length - ip < 3)
            {
                ZstdThrow.Truncated(ip, "a block header", 3, source.Length - ip);
            }

            int blockHeader = source[ip] | (source[ip + 1] << 8) | (source[ip + 2] << 16);
            last = (blockHeader & 1) != 0;
            int blockType = (blockHeader >> 1) & 3;
            int blockSize = blockHeader >> 3;
            int blockOffset = ip;
            ip += 3;
            if (blockSize > blockSizeMax)
            {
                ZstdThrow.Corrupt(blockOffset, $"block size {blockSize} exceeds the block maximum of {blockSizeMax} bytes");
            }

            switch (blockType)
            {
                case 0:
                    RequireInput(source, ip, blockSize, blockOffset, "a raw block");
                    RequireOutput(destination, op, blockSize, blockOffset);
                    source.Slice(ip, blockSize).CopyTo(destination.Slice(op));
                    ip += blockSize;
                    op += blockSize;
                    break;
                case 1:
                    RequireInput(source, ip, 1, blockOffset, "an RLE block");
                    RequireOutput(destination, op, blockSize, blockOffset);
                    destination.Slice(op, blockSize).Fill(source[ip]);
                    ip += 1;
                    op += blockSize;
                    break;
                case 2:
                    RequireInput(source, ip, blockSize, blockOffset, "a compressed block");
                    BlockDecoder.Decode(source.Slice(ip, blockSize), ip, blockSizeMax, context, frameStart, destination, ref op);
                    ip += blockSize;
                    break;
                default:
                    ZstdThrow.Corrupt(blockOffset, "reserved block type 3");
                    break;
            }
        }
        while (!last);

        if (header.ContentSize is long expected && expected != op - frameStart)
        {
            ZstdThrow.Corrupt(frameOffset, $"frame declares {expected} bytes of content but regenerates {op - frameStart}");
        }

        if (header.HasChecksum)
        {
            RequireInput(source, ip, 4, ip, "the content checksum");
            uint stored = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(ip));
            uint actual = (uint)XxHash64.Hash(destination.Slice(frameStart, op - frameStart));
            if (stored != actual)
            {
                ZstdThrow.Corrupt(ip, $"content checksum mismatch (stored 0x{stored:X8}, computed 0x{actual:X8})");
            }

            ip += 4;
        }

        inputPosition = ip;
        outputPosition = op;
    }

    private static void RequireInput(ReadOnlySpan<byte> source, int position, int needed, int errorOffset, string what)
    {
        if (source.Length - position < needed)
        {
            ZstdThrow.Truncated(errorOffset, what, needed, source.Length - position);
        }
    }

    private static void RequireOutput(Span<byte> destination, int position, int needed, int errorOffset)
    {
        if (destination.Length - position < needed)
        {
            ZstdThrow.DestinationTooSmall(errorOffset, (long)position + needed, destination.Length);
        }
    }
}
