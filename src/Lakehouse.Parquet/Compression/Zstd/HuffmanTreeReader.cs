using System.Numerics;

namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// Reads a Huffman tree description (RFC 8878 section 4.2.1) and builds the single-symbol decoding table: an entry per
/// 2^tableLog prefix holding the symbol (low byte) and its code length (high byte).
/// </summary>
internal static class HuffmanTreeReader
{
    private const int MaxWeightsTableLog = 6;
    private const int MaxWeight = 12;

    /// <summary>Reads the description at the start of <paramref name="source"/>; returns the bytes consumed.</summary>
    public static int Read(ReadOnlySpan<byte> source, long errorOffset, DecoderContext context)
    {
        if (source.IsEmpty)
        {
            ZstdThrow.Truncated(errorOffset, "a Huffman tree description", 1, 0);
        }

        Span<byte> weights = stackalloc byte[256];
        int header = source[0];
        int weightCount;
        int consumed;
        if (header >= 128)
        {
            weightCount = header - 127;
            int bytes = (weightCount + 1) / 2;
            if (source.Length < 1 + bytes)
            {
                ZstdThrow.Truncated(errorOffset, "direct Huffman weights", 1 + bytes, source.Length);
            }

            for (int i = 0; i < weightCount; i++)
            {
                byte packed = source[1 + (i / 2)];
                weights[i] = (byte)((i & 1) == 0 ? packed >> 4 : packed & 0xF);
            }

            consumed = 1 + bytes;
        }
        else
        {
            if (source.Length < 1 + header)
            {
                ZstdThrow.Truncated(errorOffset, "FSE-compressed Huffman weights", 1 + header, source.Length);
            }

            weightCount = DecodeFseWeights(source.Slice(1, header), errorOffset + 1, context, weights);
            consumed = 1 + header;
        }

        BuildTable(weights, weightCount, errorOffset, context);
        return consumed;
    }

    private static int DecodeFseWeights(ReadOnlySpan<byte> source, long errorOffset, DecoderContext context, Span<byte> weights)
    {
        Span<short> counts = context.CountsScratch;
        int headerSize = FseNormalizedCounts.Read(
            source, errorOffset, MaxWeight, MaxWeightsTableLog, counts, out int symbolCount, out int tableLog);
        Span<FseEntry> table = context.FseScratch.AsSpan(0, 1 << tableLog);
        FseTableBuilder.Build(counts.Slice(0, symbolCount), tableLog, table, errorOffset);

        var reader = new BackwardBitReader(source.Slice(headerSize), errorOffset + headerSize);
        int state1 = (int)reader.ReadBits(tableLog);
        reader.Reload();
        int state2 = (int)reader.ReadBits(tableLog);
        reader.Reload();

        // Two interleaved states share the stream; decoding stops when a state update would read past its start
        // (RFC 8878 section 4.2.1.2), then the other state emits its last symbol.
        int count = 0;
        while (true)
        {
            if (count > 253)
            {
                ZstdThrow.Corrupt(errorOffset, "more than 255 Huffman weights");
            }

            FseEntry entry = table[state1];
            weights[count++] = entry.Symbol;
            state1 = entry.BaseState + (int)reader.ReadBits(entry.NbBits);
            reader.Reload();
            if (reader.IsOverflowed)
            {
                weights[count++] = table[state2].Symbol;
                break;
            }

            entry = table[state2];
            weights[count++] = entry.Symbol;
            state2 = entry.BaseState + (int)reader.ReadBits(entry.NbBits);
            reader.Reload();
            if (reader.IsOverflowed)
            {
                weights[count++] = table[state1].Symbol;
                break;
            }
        }

        if (count > 255)
        {
            ZstdThrow.Corrupt(errorOffset, "more than 255 Huffman weights");
        }

        return count;
    }

    private static void BuildTable(Span<byte> weights, int weightCount, long errorOffset, DecoderContext context)
    {
        Span<int> rankCount = stackalloc int[MaxWeight + 1];
        uint weightSum = 0;
        for (int i = 0; i < weightCount; i++)
        {
            int w = weights[i];
            if (w > MaxWeight)
            {
                ZstdThrow.Corrupt(errorOffset, $"Huffman weight {w} exceeds {MaxWeight}");
            }

            rankCount[w]++;
            weightSum += (1u << w) >> 1;
        }

        if (weightSum == 0)
        {
            ZstdThrow.Corrupt(errorOffset, "all Huffman weights are zero");
        }

        int tableLog = 32 - BitOperations.LeadingZeroCount(weightSum);
        if (tableLog > DecoderContext.HuffmanMaxTableLog)
        {
            ZstdThrow.Corrupt(errorOffset, $"Huffman codes of {tableLog} bits exceed the maximum of {DecoderContext.HuffmanMaxTableLog}");
        }

        uint rest = (1u << tableLog) - weightSum;
        if (!BitOperations.IsPow2(rest))
        {
            ZstdThrow.Corrupt(errorOffset, "Huffman weights do not form a complete prefix code");
        }

        int lastWeight = BitOperations.Log2(rest) + 1;
        weights[weightCount] = (byte)lastWeight;
        rankCount[lastWeight]++;
        int symbolCount = weightCount + 1;
        if (rankCount[1] < 2 || (rankCount[1] & 1) != 0)
        {
            ZstdThrow.Corrupt(errorOffset, "Huffman weights do not form a valid prefix code");
        }

        Span<int> rankStart = stackalloc int[MaxWeight + 1];
        int next = 0;
        for (int w = 1; w <= tableLog; w++)
        {
            rankStart[w] = next;
            next += rankCount[w] << (w - 1);
        }

        Span<ushort> table = context.HuffmanTable;
        for (int s = 0; s < symbolCount; s++)
        {
            int w = weights[s];
            if (w == 0)
            {
                continue;
            }

            int length = 1 << (w - 1);
            ushort entry = (ushort)(s | ((tableLog + 1 - w) << 8));
            table.Slice(rankStart[w], length).Fill(entry);
            rankStart[w] += length;
        }

        context.HuffmanTableLog = tableLog;
    }
}
