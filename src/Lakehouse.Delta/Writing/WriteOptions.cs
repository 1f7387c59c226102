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

    /// <summary>
    /// At most this many files open at once (one per partition being written): opening one more first closes the file
    /// written least recently, and that partition's later rows start a new file. Each open file holds an upload
    /// (on S3 a multipart upload and its 16 MB part buffer), so this bounds memory when data spans many partitions;
    /// data spread at random over more partitions than this makes more, smaller files (OPTIMIZE compacts them).
    /// </summary>
    public int MaxOpenFiles { get; init; } = 8;

    /// <summary>
    /// At most about this many bytes of row groups held in memory over all open files: past it, the open file holding
    /// the most ends its row group early (the file stays open). One file alone never needs more than its row group;
    /// this keeps many partitions written at once within the same memory as one.
    /// </summary>
    public long MaxBufferedBytes { get; init; } = 128L * 1024 * 1024;
}
