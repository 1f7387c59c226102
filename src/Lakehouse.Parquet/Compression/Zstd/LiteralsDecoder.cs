namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// Decodes the literals section of a compressed block (RFC 8878 section 3.1.1.3.1) into the context's literals
/// buffer: raw, RLE, Huffman-compressed with a new tree, or treeless (reusing the previous block's tree).
/// </summary>
internal static class LiteralsDecoder
{
    /// <summary>Returns the bytes of <paramref name="block"/> the section occupies; the literals count is set.</summary>
    public static int Decode(ReadOnlySpan<byte> block, long blockOffset, int blockSizeMax, DecoderContext context, out int literalCount)
    {
        if (block.IsEmpty)
        {
            ZstdThrow.Truncated(blockOffset, "the literals section header", 1, 0);
        }

        int b0 = block[0];
        int type = b0 & 3;
        int sizeFormat = (b0 >> 2) & 3;
        return type <= 1
            ? DecodeRawOrRle(block, blockOffset, blockSizeMax, context, type == 1, sizeFormat, out literalCount)
            : DecodeCompressed(block, blockOffset, blockSizeMax, context, type == 3, sizeFormat, out literalCount);
    }

    private static int DecodeRawOrRle(
        ReadOnlySpan<byte> block, long blockOffset, int blockSizeMax, DecoderContext context, bool rle, int sizeFormat, out int literalCount)
    {
        int headerSize = sizeFormat switch { 1 => 2, 3 => 3, _ => 1 };
        if (block.Length < headerSize)
        {
            ZstdThrow.Truncated(blockOffset, "the literals section header", headerSize, block.Length);
        }

        int size = headerSize switch
        {
            1 => block[0] >> 3,
            2 => (block[0] >> 4) | (block[1] << 4),
            _ => (block[0] >> 4) | (block[1] << 4) | (block[2] << 12),
        };
        if (size > blockSizeMax)
        {
            ZstdThrow.Corrupt(blockOffset, $"{size} literals exceed the block maximum of {blockSizeMax} bytes");
        }

        literalCount = size;
        if (rle)
        {
            if (block.Length < headerSize + 1)
            {
                ZstdThrow.Truncated(blockOffset, "RLE literals", headerSize + 1, block.Length);
            }

            context.Literals.AsSpan(0, size).Fill(block[headerSize]);
            return headerSize + 1;
        }

        if (block.Length < headerSize + size)
        {
            ZstdThrow.Truncated(blockOffset, "raw literals", headerSize + size, block.Length);
        }

        block.Slice(headerSize, size).CopyTo(context.Literals);
        return headerSize + size;
    }

    private static int DecodeCompressed(
        ReadOnlySpan<byte> block, long blockOffset, int blockSizeMax, DecoderContext context, bool treeless, int sizeFormat, out int literalCount)
    {
        int headerSize = sizeFormat switch { 0 or 1 => 3, 2 => 4, _ => 5 };
        if (block.Length < headerSize)
        {
            ZstdThrow.Truncated(blockOffset, "the literals section header", headerSize, block.Length);
        }

        int regenerated;
        int compressed;
        switch (headerSize)
        {
            case 3:
                {
                    int v = block[0] | (block[1] << 8) | (block[2] << 16);
                    regenerated = (v >> 4) & 0x3FF;
                    compressed = (v >> 14) & 0x3FF;
                    break;
                }

            case 4:
                {
                    uint v = (uint)(block[0] | (block[1] << 8) | (block[2] << 16) | (block[3] << 24));
                    regenerated = (int)((v >> 4) & 0x3FFF);
                    compressed = (int)(v >> 18);
                    break;
                }

            default:
                {
                    uint v = (uint)(block[0] | (block[1] << 8) | (block[2] << 16) | (block[3] << 24));
                    regenerated = (int)((v >> 4) & 0x3FFFF);
                    compressed = (int)(v >> 22) | (block[4] << 10);
                    break;
                }
        }

        if (regenerated > blockSizeMax)
        {
            ZstdThrow.Corrupt(blockOffset, $"{regenerated} literals exceed the block maximum of {blockSizeMax} bytes");
        }

        if (block.Length < headerSize + compressed)
        {
            ZstdThrow.Truncated(blockOffset, "compressed literals", headerSize + compressed, block.Length);
        }

        ReadOnlySpan<byte> data = block.Slice(headerSize, compressed);
        long dataOffset = blockOffset + headerSize;
        if (!treeless)
        {
            int treeSize = HuffmanTreeReader.Read(data, dataOffset, context);
            data = data.Slice(treeSize);
            dataOffset += treeSize;
        }
        else if (context.HuffmanTableLog == 0)
        {
            ZstdThrow.Corrupt(blockOffset, "treeless literals but no previous Huffman table in this frame");
        }

        Span<byte> output = context.Literals.AsSpan(0, regenerated);
        if (sizeFormat == 0)
        {
            HuffmanStreamDecoder.DecodeSingle(data, dataOffset, context, output);
        }
        else
        {
            HuffmanStreamDecoder.DecodeFour(data, dataOffset, context, output);
        }

        literalCount = regenerated;
        return headerSize + compressed;
    }
}
