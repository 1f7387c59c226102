using Lakehouse.Parquet.Data;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>
/// The shredded form of some rows for one leaf column: levels and the indices of present values in <see cref="Vector"/>,
/// or, for flat columns whose rows are all present or all null, just the range (<see cref="Uniform"/>).
/// </summary>
internal sealed class LeafBatch : IDisposable
{
    public GrowableBuffer<int> Def { get; } = new();

    public GrowableBuffer<int> Rep { get; } = new();

    public GrowableBuffer<int> ValueIndices { get; } = new();

    /// <summary>Number of level entries (rows for flat columns).</summary>
    public int LevelCount { get; set; }

    /// <summary>The leaf vector the value indices point into.</summary>
    public ColumnVector? Vector { get; set; }

    /// <summary>
    /// True when <see cref="Def"/>, <see cref="Rep"/> and <see cref="ValueIndices"/> are not used: every one of the
    /// <see cref="LevelCount"/> entries has definition level <see cref="UniformDef"/> and repetition level 0, and the
    /// present values are entries [<see cref="DenseStart"/>, <see cref="DenseStart"/> + <see cref="DenseCount"/>) of <see cref="Vector"/>.
    /// </summary>
    public bool Uniform { get; private set; }

    public int UniformDef { get; private set; }

    public int DenseStart { get; private set; }

    /// <summary>Present values of a uniform batch: <see cref="LevelCount"/> (all present) or 0 (all null).</summary>
    public int DenseCount { get; private set; }

    /// <summary>Makes the (empty) batch uniform: <paramref name="count"/> rows from <paramref name="start"/>, all present or all null.</summary>
    public void SetUniform(ColumnVector vector, int start, int count, int def, bool present)
    {
        Vector = vector;
        Uniform = true;
        UniformDef = def;
        LevelCount = count;
        DenseStart = start;
        DenseCount = present ? count : 0;
    }

    public void Dispose()
    {
        Def.Dispose();
        Rep.Dispose();
        ValueIndices.Dispose();
    }

    public void Reset()
    {
        Def.Clear();
        Rep.Clear();
        ValueIndices.Clear();
        LevelCount = 0;
        Vector = null;
        Uniform = false;
        DenseCount = 0;
    }
}
