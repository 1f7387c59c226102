namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// The three sequence fields and their code tables: baselines, extra bits and predefined distributions
/// (RFC 8878 sections 3.1.1.3.2.1 and 3.1.1.3.2.2).
/// </summary>
internal static class SequenceCodes
{
    public const int LiteralLengthMaxSymbol = 35;
    public const int MatchLengthMaxSymbol = 52;
    public const int OffsetMaxSymbol = 31;
    public const int LiteralLengthMaxLog = 9;
    public const int MatchLengthMaxLog = 9;
    public const int OffsetMaxLog = 8;

    private static ReadOnlySpan<uint> LiteralLengthBase =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        16, 18, 20, 22, 24, 28, 32, 40, 48, 64, 128, 256, 512, 1024, 2048, 4096,
        8192, 16384, 32768, 65536,
    ];

    private static ReadOnlySpan<byte> LiteralLengthBits =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 1, 1, 2, 2, 3, 3, 4, 6, 7, 8, 9, 10, 11, 12,
        13, 14, 15, 16,
    ];

    private static ReadOnlySpan<uint> MatchLengthBase =>
    [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
        19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34,
        35, 37, 39, 41, 43, 47, 51, 59, 67, 83, 99, 131, 259, 515, 1027, 2051,
        4099, 8195, 16387, 32771, 65539,
    ];

    private static ReadOnlySpan<byte> MatchLengthBits =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 7, 8, 9, 10, 11,
        12, 13, 14, 15, 16,
    ];

    private static ReadOnlySpan<short> LiteralLengthDefault =>
    [
        4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1, 1, 1,
        -1, -1, -1, -1,
    ];

    private static ReadOnlySpan<short> MatchLengthDefault =>
    [
        1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1,
        -1, -1, -1, -1, -1,
    ];

    private static ReadOnlySpan<short> OffsetDefault =>
    [
        1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1,
    ];

    public static readonly SequenceEntry[] PredefinedLiteralLengths = BuildPredefined(SequenceField.LiteralLength, LiteralLengthDefault, 6);
    public static readonly SequenceEntry[] PredefinedMatchLengths = BuildPredefined(SequenceField.MatchLength, MatchLengthDefault, 6);
    public static readonly SequenceEntry[] PredefinedOffsets = BuildPredefined(SequenceField.Offset, OffsetDefault, 5);

    /// <summary>Resolves a symbol of <paramref name="field"/> to its baseline and extra bits.</summary>
    public static void Resolve(SequenceField field, int symbol, out uint baseValue, out byte extraBits)
    {
        switch (field)
        {
            case SequenceField.LiteralLength:
                baseValue = LiteralLengthBase[symbol];
                extraBits = LiteralLengthBits[symbol];
                break;
            case SequenceField.MatchLength:
                baseValue = MatchLengthBase[symbol];
                extraBits = MatchLengthBits[symbol];
                break;
            default:
                baseValue = 1u << symbol;
                extraBits = (byte)symbol;
                break;
        }
    }

    public static int MaxSymbol(SequenceField field) => field switch
    {
        SequenceField.LiteralLength => LiteralLengthMaxSymbol,
        SequenceField.MatchLength => MatchLengthMaxSymbol,
        _ => OffsetMaxSymbol,
    };

    public static int MaxLog(SequenceField field) => field switch
    {
        SequenceField.LiteralLength => LiteralLengthMaxLog,
        SequenceField.MatchLength => MatchLengthMaxLog,
        _ => OffsetMaxLog,
    };

    /// <summary>Copies an FSE table into a sequence table, resolving each symbol.</summary>
    public static void Convert(SequenceField field, ReadOnlySpan<FseEntry> source, Span<SequenceEntry> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            FseEntry fse = source[i];
            Resolve(field, fse.Symbol, out uint baseValue, out byte extraBits);
            destination[i] = new SequenceEntry
            {
                BaseValue = baseValue,
                NbExtraBits = extraBits,
                BaseState = fse.BaseState,
                NbBits = fse.NbBits,
            };
        }
    }

    private static SequenceEntry[] BuildPredefined(SequenceField field, ReadOnlySpan<short> counts, int tableLog)
    {
        var fse = new FseEntry[1 << tableLog];
        FseTableBuilder.Build(counts, tableLog, fse, 0);
        var table = new SequenceEntry[fse.Length];
        Convert(field, fse, table);
        return table;
    }
}
