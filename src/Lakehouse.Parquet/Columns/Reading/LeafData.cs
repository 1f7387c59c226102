using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Columns.Reading;

/// <summary>One decoded column chunk: its levels and its non-null values back to back, plus assembly cursors.</summary>
internal sealed class LeafData(byte[]? def, byte[]? rep, int levelCount, ColumnVector values)
{
    public byte[]? Def { get; } = def;

    public byte[]? Rep { get; } = rep;

    public int LevelCount { get; } = levelCount;

    /// <summary>Dense values (no nulls), in level order.</summary>
    public ColumnVector Values { get; } = values;

    /// <summary>Next level entry to consume.</summary>
    public int Position { get; set; }

    /// <summary>Next value to consume.</summary>
    public int ValuePosition { get; set; }
}
