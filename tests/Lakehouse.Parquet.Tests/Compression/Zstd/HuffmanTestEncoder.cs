namespace Lakehouse.Parquet.Tests.Compression.Zstd;

/// <summary>
/// A minimal Huffman literals encoder for tests: random complete prefix codes written as direct weights, streams
/// written as zstd backward bitstreams. It lets tests build literal sections the reference CLI would rarely emit.
/// </summary>
internal sealed class HuffmanTestEncoder
{
    private readonly int[] _codes;
    private readonly int[] _lengths;

    private HuffmanTestEncoder(int[] depths)
    {
        SymbolCount = depths.Length;
        MaxBits = depths.Max();
        _lengths = depths;
        _codes = new int[depths.Length];

        // Canonical assignment mirroring the decoder: weight 1 (longest codes) first, then by symbol.
        int next = 0;
        for (int weight = 1; weight <= MaxBits; weight++)
        {
            int length = MaxBits + 1 - weight;
            for (int s = 0; s < depths.Length; s++)
            {
                if (depths[s] == length)
                {
                    _codes[s] = next >> (weight - 1);
                    next += 1 << (weight - 1);
                }
            }
        }
    }

    /// <summary>A code with the given lengths per symbol (they must satisfy Kraft's equality).</summary>
    public static HuffmanTestEncoder FromLengths(int[] lengths) => new(lengths);

    public int SymbolCount { get; }

    public int MaxBits { get; }

    public int CodeLength(int symbol) => _lengths[symbol];

    /// <summary>A random complete code over <paramref name="symbolCount"/> symbols (2..129), codes of at most 12 bits.</summary>
    public static HuffmanTestEncoder CreateRandom(int symbolCount, Random random)
    {
        var leaves = new List<int> { 0 };
        while (leaves.Count < symbolCount)
        {
            int pick = random.Next(leaves.Count);
            if (leaves[pick] >= 12)
            {
                continue;
            }

            int depth = leaves[pick] + 1;
            leaves[pick] = depth;
            leaves.Add(depth);
        }

        return new HuffmanTestEncoder([.. leaves.OrderBy(_ => random.Next())]);
    }

    /// <summary>The tree description with direct 4-bit weights (the last symbol's weight is implied).</summary>
    public byte[] TreeDescription()
    {
        int count = SymbolCount - 1;
        var output = new byte[1 + ((count + 1) / 2)];
        output[0] = (byte)(127 + count);
        for (int s = 0; s < count; s++)
        {
            int weight = MaxBits + 1 - _lengths[s];
            output[1 + (s / 2)] |= (byte)((s & 1) == 0 ? weight << 4 : weight);
        }

        return output;
    }

    /// <summary>One backward bitstream: the first symbol is read first, so it is written last.</summary>
    public byte[] EncodeStream(ReadOnlySpan<byte> symbols)
    {
        var bits = new List<bool>();
        for (int i = symbols.Length - 1; i >= 0; i--)
        {
            int symbol = symbols[i];
            for (int b = 0; b < _lengths[symbol]; b++)
            {
                bits.Add(((_codes[symbol] >> b) & 1) != 0);
            }
        }

        bits.Add(true);
        var output = new byte[(bits.Count + 7) / 8];
        for (int i = 0; i < bits.Count; i++)
        {
            if (bits[i])
            {
                output[i / 8] |= (byte)(1 << (i % 8));
            }
        }

        return output;
    }

    /// <summary>A compressed-literals section (4 streams) followed by an empty sequences section.</summary>
    public byte[] FourStreamBlockWithoutSequences(byte[] literals)
    {
        int segment = (literals.Length + 3) / 4;
        byte[][] streams =
        [
            EncodeStream(literals.AsSpan(0, segment)),
            EncodeStream(literals.AsSpan(segment, segment)),
            EncodeStream(literals.AsSpan(2 * segment, segment)),
            EncodeStream(literals.AsSpan(3 * segment)),
        ];
        byte[] tree = TreeDescription();
        int compressed = tree.Length + 6 + streams.Sum(s => s.Length);
        var output = new List<byte>();
        if (literals.Length < 16384 && compressed < 16384)
        {
            uint header = 2u | (2u << 2) | ((uint)literals.Length << 4) | ((uint)compressed << 18);
            output.AddRange([(byte)header, (byte)(header >> 8), (byte)(header >> 16), (byte)(header >> 24)]);
        }
        else
        {
            ulong header = 2UL | (3UL << 2) | ((ulong)literals.Length << 4) | ((ulong)compressed << 22);
            output.AddRange([(byte)header, (byte)(header >> 8), (byte)(header >> 16), (byte)(header >> 24), (byte)(header >> 32)]);
        }

        output.AddRange(tree);
        for (int i = 0; i < 3; i++)
        {
            output.Add((byte)streams[i].Length);
            output.Add((byte)(streams[i].Length >> 8));
        }

        foreach (byte[] stream in streams)
        {
            output.AddRange(stream);
        }

        output.Add(0);
        return [.. output];
    }
}
