namespace Lakehouse.Delta.Writing;

/// <summary>Options of a data write.</summary>
public sealed record WriteOptions
{
    public static readonly WriteOptions Default = new();

    /// <summary>Add new columns of the data to the table schema (nullable) instead of refusing them.</summary>
    public bool MergeSchema { get; init; }

    /// <summary>False for rewrites that keep the rows (OPTIMIZE, compaction): readers of changes skip such files.</summary>
    public bool DataChange { get; init; } = true;
}
