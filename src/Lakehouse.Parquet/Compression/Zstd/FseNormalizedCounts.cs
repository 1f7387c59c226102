namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// Reads an FSE table description (RFC 8878 section 4.1.1): accuracy log, then variable-width normalized counts with
/// run-length coded zero counts.
/// </summary>
internal static class FseNormalizedCounts
{
    /// <summary>
    /// Reads the counts into <paramref name="counts"/>; returns the bytes consumed. <paramref name="symbolCount"/> is
    /// the number of symbols described (last one included).
    /// </summary>
    public static int Read(
        ReadOnlySpan<byte> source,
        long errorOffset,
        int maxSymbol,
        int maxTableLog,
        Span<short> counts,
        out int symbolCount,
        out int tableLog)
    {
        if (source.IsEmpty)
        {
            ZstdThrow.Truncated(errorOffset, "an FSE table description", 1, 0);
        }

        tableLog = (source[0] & 0xF) + 5;
        if (tableLog > maxTableLog)
        {
            ZstdThrow.Corrupt(errorOffset, $"FSE accuracy log {tableLog} exceeds the maximum {maxTableLog}");
        }

        int bitPosition = 4;
        int remaining = (1 << tableLog) + 1;
        int threshold = 1 << tableLog;
        int nbBits = tableLog + 1;
        int symbol = 0;
        bool previousZero = false;
        while (remaining > 1 && symbol <= maxSymbol)
        {
            if (previousZero)
            {
                int zeroEnd = symbol;
                int repeat;
                do
                {
                    repeat = (int)(Peek(source, bitPosition) & 3);
                    bitPosition += 2;
                    zeroEnd += repeat;
                }
                while (repeat == 3 && zeroEnd <= maxSymbol);

                if (zeroEnd > maxSymbol)
                {
                    ZstdThrow.Corrupt(errorOffset, $"FSE table description runs past symbol {maxSymbol}");
                }

                while (symbol < zeroEnd)
                {
                    counts[symbol++] = 0;
                }
            }

            int max = (2 * threshold) - 1 - remaining;
            uint bits = Peek(source, bitPosition);
            int count;
            if ((int)(bits & (uint)(threshold - 1)) < max)
            {
                count = (int)(bits & (uint)(threshold - 1));
                bitPosition += nbBits - 1;
            }
            else
            {
                count = (int)(bits & (uint)((2 * threshold) - 1));
                if (count >= threshold)
                {
                    count -= max;
                }

                bitPosition += nbBits;
            }

            count--;
            remaining -= count < 0 ? -count : count;
            counts[symbol++] = (short)count;
            previousZero = count == 0;
            while (remaining < threshold)
            {
                nbBits--;
                threshold >>= 1;
            }
        }

        if (remaining != 1)
        {
            ZstdThrow.Corrupt(errorOffset, "FSE normalized counts do not add up to the table size");
        }

        int consumed = (bitPosition + 7) >> 3;
        if (consumed > source.Length)
        {
            ZstdThrow.Truncated(errorOffset, "an FSE table description", consumed, source.Length);
        }

        symbolCount = symbol;
        return consumed;
    }

    /// <summary>Up to 25 bits starting at <paramref name="bitPosition"/>, zero beyond the end of the source.</summary>
    private static uint Peek(ReadOnlySpan<byte> source, int bitPosition)
    {
        int index = bitPosition >> 3;
        uint value = 0;
        for (int i = 0; i < 4; i++)
        {
            if ((uint)(index + i) < (uint)source.Length)
            {
                value |= (uint)source[index + i] << (8 * i);
            }
        }

        return value >> (bitPosition & 7);
    }
}
