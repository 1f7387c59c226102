namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// Working state of one decompression: the literals buffer, the Huffman table and the three sequence tables (kept
/// across blocks for treeless literals and repeat mode), and the repeat offsets. One instance is cached per thread, so
/// decoding a page allocates nothing.
/// </summary>
internal sealed class DecoderContext
{
    /// <summary>Bytes the hot loops may read or write past the end of a copy (wild copies in 16-byte chunks).</summary>
    public const int WildCopySlack = 32;

    /// <summary>
    /// RFC 8878 limits Huffman codes to 11 bits; like the reference decoder, 12 is accepted too. Four 12-bit codes
    /// still fit in the 57 bits the stream decoders refill at a time.
    /// </summary>
    public const int HuffmanMaxTableLog = 12;

    [ThreadStatic]
    private static DecoderContext? t_cached;

    public readonly byte[] Literals = new byte[FrameHeader.MaxBlockSize + WildCopySlack];
    public readonly ushort[] HuffmanTable = new ushort[1 << HuffmanMaxTableLog];
    public readonly FseEntry[] FseScratch = new FseEntry[512];
    public readonly short[] CountsScratch = new short[256];
    public readonly SequenceEntry[] LiteralLengthBuffer = new SequenceEntry[1 << SequenceCodes.LiteralLengthMaxLog];
    public readonly SequenceEntry[] OffsetBuffer = new SequenceEntry[1 << SequenceCodes.OffsetMaxLog];
    public readonly SequenceEntry[] MatchLengthBuffer = new SequenceEntry[1 << SequenceCodes.MatchLengthMaxLog];

    /// <summary>Number of bits of the current Huffman table; 0 when the frame has none yet.</summary>
    public int HuffmanTableLog;

    public SequenceEntry[]? LiteralLengthTable;
    public int LiteralLengthLog;
    public SequenceEntry[]? OffsetTable;
    public int OffsetLog;
    public SequenceEntry[]? MatchLengthTable;
    public int MatchLengthLog;

    public uint Rep0;
    public uint Rep1;
    public uint Rep2;

    /// <summary>Takes this thread's cached context, or a new one when it is in use (re-entrancy) or absent.</summary>
    public static DecoderContext Rent()
    {
        DecoderContext? context = t_cached;
        t_cached = null;
        return context ?? new DecoderContext();
    }

    public static void Return(DecoderContext context) => t_cached = context;

    /// <summary>Frames are independent: forget tables and restore the initial repeat offsets (RFC 8878 3.1.2.5).</summary>
    public void ResetForFrame()
    {
        HuffmanTableLog = 0;
        LiteralLengthTable = null;
        OffsetTable = null;
        MatchLengthTable = null;
        Rep0 = 1;
        Rep1 = 4;
        Rep2 = 8;
    }

    public SequenceEntry[] BufferFor(SequenceField field) => field switch
    {
        SequenceField.LiteralLength => LiteralLengthBuffer,
        SequenceField.MatchLength => MatchLengthBuffer,
        _ => OffsetBuffer,
    };

    public void SetTable(SequenceField field, SequenceEntry[] table, int log)
    {
        switch (field)
        {
            case SequenceField.LiteralLength:
                LiteralLengthTable = table;
                LiteralLengthLog = log;
                break;
            case SequenceField.MatchLength:
                MatchLengthTable = table;
                MatchLengthLog = log;
                break;
            default:
                OffsetTable = table;
                OffsetLog = log;
                break;
        }
    }

    public bool HasTable(SequenceField field) => field switch
    {
        SequenceField.LiteralLength => LiteralLengthTable is not null,
        SequenceField.MatchLength => MatchLengthTable is not null,
        _ => OffsetTable is not null,
    };
}
