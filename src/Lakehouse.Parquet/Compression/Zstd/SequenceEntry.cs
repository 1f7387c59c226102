namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// One state of a literal-length, match-length or offset decoding table, with the symbol already resolved to its
/// baseline value and number of extra bits (RFC 8878 section 3.1.1.3.2.1).
/// </summary>
internal struct SequenceEntry
{
    public uint BaseValue;
    public ushort BaseState;
    public byte NbBits;
    public byte NbExtraBits;
}
