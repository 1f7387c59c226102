namespace Lakehouse.Delta.Writing;

/// <summary>Options of a data write.</summary>
public sealed record WriteOptions
{
    public static readonly WriteOptions Default = new();

    /// <summary>Add new columns of the data to the table schema (nullable) instead of refusing them.</summary>
    public bool MergeSchema { get; init; }

    /// <summary>False for rewrites that keep the rows (OPTIMIZE, compaction): readers of changes skip such files.</summary>
    public bool DataChange { get; init; } = true;

    /// <summary>Roll data files at about this many bytes; null uses the table's <c>delta.targetFileSize</c> (default 128 MiB).</summary>
    public long? TargetFileSize { get; init; }
}
