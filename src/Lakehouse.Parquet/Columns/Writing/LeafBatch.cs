using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>The shredded form of some rows for one leaf column: levels and the indices of present values in <see cref="Vector"/>.</summary>
internal sealed class LeafBatch
{
    public GrowableBuffer<int> Def { get; } = new();

    public GrowableBuffer<int> Rep { get; } = new();

    public GrowableBuffer<int> ValueIndices { get; } = new();

    /// <summary>Number of level entries (rows for flat columns).</summary>
    public int LevelCount { get; set; }

    /// <summary>The leaf vector the value indices point into.</summary>
    public ColumnVector? Vector { get; set; }

    public void Reset()
    {
        Def.Clear();
        Rep.Clear();
        ValueIndices.Clear();
        LevelCount = 0;
        Vector = null;
    }
}
