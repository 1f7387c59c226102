using System.Numerics;

namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// Builds FSE decoding tables from normalized counts (RFC 8878 section 4.1.1): symbols with probability "less than 1"
/// go to the top of the table, the others are spread with the standard step, then each state gets its number of bits
/// and baseline.
/// </summary>
internal static class FseTableBuilder
{
    /// <summary>
    /// Fills the first 2^<paramref name="tableLog"/> entries of <paramref name="table"/> from
    /// <paramref name="normalizedCounts"/> (per symbol, -1 meaning "less than 1"; they sum to 2^tableLog).
    /// </summary>
    public static void Build(ReadOnlySpan<short> normalizedCounts, int tableLog, Span<FseEntry> table, long errorOffset)
    {
        int tableSize = 1 << tableLog;
        table = table.Slice(0, tableSize);
        Span<ushort> symbolNext = stackalloc ushort[256];
        int highThreshold = tableSize - 1;
        for (int s = 0; s < normalizedCounts.Length; s++)
        {
            short count = normalizedCounts[s];
            if (count == -1)
            {
                table[highThreshold--].Symbol = (byte)s;
                symbolNext[s] = 1;
            }
            else
            {
                symbolNext[s] = (ushort)count;
            }
        }

        int step = (tableSize >> 1) + (tableSize >> 3) + 3;
        int mask = tableSize - 1;
        int position = 0;
        for (int s = 0; s < normalizedCounts.Length; s++)
        {
            for (int i = 0; i < normalizedCounts[s]; i++)
            {
                table[position].Symbol = (byte)s;
                do
                {
                    position = (position + step) & mask;
                }
                while (position > highThreshold);
            }
        }

        if (position != 0)
        {
            ZstdThrow.Corrupt(errorOffset, "FSE normalized counts do not fill the table");
        }

        for (int u = 0; u < tableSize; u++)
        {
            ref FseEntry entry = ref table[u];
            int nextState = symbolNext[entry.Symbol]++;
            int nbBits = tableLog - (31 - BitOperations.LeadingZeroCount((uint)nextState));
            entry.NbBits = (byte)nbBits;
            entry.BaseState = (ushort)((nextState << nbBits) - tableSize);
        }
    }
}
