namespace Lakehouse.Parquet.Encodings;

/// <summary>
/// Decodes DELTA_BINARY_PACKED (parquet-format Encodings.md): a header (block size, miniblocks per block, value
/// count, first value) then blocks of min-delta, per-miniblock bit widths and bit-packed deltas. Arithmetic wraps,
/// so INT32 and INT64 columns share this decoder.
/// </summary>
internal static class DeltaBinaryPackedDecoder
{
    /// <summary>Reads the total value count from the header without decoding.</summary>
    public static int PeekCount(ReadOnlySpan<byte> data)
    {
        var pos = 0;
        ReadVarUInt(data, ref pos);
        ReadVarUInt(data, ref pos);
        var total = ReadVarUInt(data, ref pos);
        return total > int.MaxValue ? throw new InvalidDataException($"DELTA_BINARY_PACKED value count {total} is absurd.") : (int)total;
    }

    /// <summary>Decodes all values into <paramref name="destination"/> (sized by <see cref="PeekCount"/>); returns the bytes consumed.</summary>
    public static int Decode(ReadOnlySpan<byte> data, Span<long> destination)
    {
        var pos = 0;
        var blockSize = ReadVarUInt(data, ref pos);
        var miniblocks = ReadVarUInt(data, ref pos);
        var total = ReadVarUInt(data, ref pos);
        var value = ZigZag(ReadVarUInt(data, ref pos));
        if (blockSize == 0 || blockSize % 128 != 0 || miniblocks == 0 || blockSize % miniblocks != 0 || blockSize > 1 << 20 || total > (ulong)destination.Length)
        {
            throw new InvalidDataException($"DELTA_BINARY_PACKED header is invalid (block {blockSize}, miniblocks {miniblocks}, values {total}).");
        }

        var count = (int)total;
        if (count == 0)
        {
            return pos;
        }

        var perMini = (int)(blockSize / miniblocks);
        if (perMini % 32 != 0)
        {
            throw new InvalidDataException($"DELTA_BINARY_PACKED miniblock size {perMini} is not a multiple of 32.");
        }

        destination[0] = value;
        var produced = 1;
        var deltas = new ulong[perMini];
        Span<byte> widths = stackalloc byte[(int)Math.Min(miniblocks, 256)];
        if (miniblocks > 256)
        {
            throw new InvalidDataException($"DELTA_BINARY_PACKED has {miniblocks} miniblocks per block; at most 256 are supported.");
        }

        while (produced < count)
        {
            var minDelta = ZigZag(ReadVarUInt(data, ref pos));
            if (pos + widths.Length > data.Length)
            {
                throw new InvalidDataException("DELTA_BINARY_PACKED block header is truncated.");
            }

            data.Slice(pos, widths.Length).CopyTo(widths);
            pos += widths.Length;
            for (var m = 0; m < widths.Length && produced < count; m++)
            {
                var width = widths[m];
                if (width > 64)
                {
                    throw new InvalidDataException($"DELTA_BINARY_PACKED bit width {width} is invalid.");
                }

                var bytes = perMini * width / 8;
                if (pos + bytes > data.Length)
                {
                    throw new InvalidDataException("DELTA_BINARY_PACKED miniblock is truncated.");
                }

                BitPacking.Unpack64(data.Slice(pos, bytes), width, deltas, perMini);
                pos += bytes;
                var take = Math.Min(perMini, count - produced);
                for (var k = 0; k < take; k++)
                {
                    value = unchecked(value + minDelta + (long)deltas[k]);
                    destination[produced++] = value;
                }
            }
        }

        return pos;
    }

    private static long ZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    private static ulong ReadVarUInt(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (pos >= data.Length)
            {
                throw new InvalidDataException("DELTA_BINARY_PACKED data is truncated.");
            }

            var b = data[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new InvalidDataException("DELTA_BINARY_PACKED varint is too long.");
    }
}
