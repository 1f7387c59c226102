using System.Buffers.Binary;

namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// Zstandard decompression (RFC 8878) for Parquet pages written with ZSTD by DuckDB, Spark/Databricks and pyarrow.
/// Decodes into a caller-sized buffer without allocating; dictionaries are not supported.
/// </summary>
internal static class ZstdDecoder
{
    /// <summary>
    /// Decompresses one or more concatenated zstd frames (skippable frames skipped) from source into destination;
    /// returns the number of bytes written. Throws <see cref="InvalidDataException"/> with a clear message (what is
    /// wrong, at which byte offset) on corrupt/truncated input or when output would exceed destination.Length.
    /// Bytes of <paramref name="destination"/> past the returned count may be overwritten with scratch data.
    /// </summary>
    public static int Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.IsEmpty)
        {
            throw new InvalidDataException("zstd input is empty; expected at least one frame.");
        }

        DecoderContext context = DecoderContext.Rent();
        try
        {
            int ip = 0;
            int op = 0;
            while (ip < source.Length)
            {
                if (source.Length - ip < 4)
                {
                    ZstdThrow.Truncated(ip, "a frame magic number", 4, source.Length - ip);
                }

                uint magic = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(ip));
                if ((magic & FrameHeader.SkippableMagicMask) == FrameHeader.SkippableMagic)
                {
                    ip = SkipFrame(source, ip);
                    continue;
                }

                FrameDecoder.Decode(source, ref ip, destination, ref op, context);
            }

            return op;
        }
        finally
        {
            DecoderContext.Return(context);
        }
    }

    /// <summary>
    /// Frame content size from the first frame header if present (for sizing), else null. Skippable frames before it
    /// are skipped. Throws <see cref="InvalidDataException"/> when the input does not start with a zstd frame.
    /// </summary>
    public static long? GetFrameContentSize(ReadOnlySpan<byte> source)
    {
        int ip = 0;
        while (source.Length - ip >= 4)
        {
            uint magic = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(ip));
            if ((magic & FrameHeader.SkippableMagicMask) != FrameHeader.SkippableMagic)
            {
                return FrameHeader.Parse(source, ip).ContentSize;
            }

            ip = SkipFrame(source, ip);
        }

        if (ip == source.Length)
        {
            return null;
        }

        ZstdThrow.Truncated(ip, "a frame magic number", 4, source.Length - ip);
        return null;
    }

    private static int SkipFrame(ReadOnlySpan<byte> source, int ip)
    {
        if (source.Length - ip < 8)
        {
            ZstdThrow.Truncated(ip, "a skippable frame header", 8, source.Length - ip);
        }

        uint size = BinaryPrimitives.ReadUInt32LittleEndian(source.Slice(ip + 4));
        if (size > (uint)(source.Length - ip - 8))
        {
            ZstdThrow.Truncated(ip, "a skippable frame", 8L + size, source.Length - ip);
        }

        return ip + 8 + (int)size;
    }
}
