namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>The three fields of a zstd sequence, in the order their tables appear in a block.</summary>
internal enum SequenceField
{
    LiteralLength = 0,
    Offset = 1,
    MatchLength = 2,
}
