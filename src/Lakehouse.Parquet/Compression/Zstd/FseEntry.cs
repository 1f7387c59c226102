namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>One state of an FSE decoding table: the symbol it emits and how to reach the next state.</summary>
internal struct FseEntry
{
    public ushort BaseState;
    public byte Symbol;
    public byte NbBits;
}
