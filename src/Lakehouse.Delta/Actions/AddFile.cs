namespace Lakehouse.Delta.Actions;

/// <summary>The <c>add</c> action: a data file that became part of the table.</summary>
/// <remarks><see cref="Path"/> is the URI as written in the log (relative to the table root or absolute), still encoded;
/// use <see cref="Partitions.DeltaPath.Decode"/> once to get the object key.</remarks>
public sealed record AddFile : DeltaAction
{
    public string Path { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string?> PartitionValues { get; init; } = new Dictionary<string, string?>();

    public long Size { get; init; }

    public long ModificationTime { get; init; }

    public bool DataChange { get; init; }

    /// <summary>Per-file statistics as a JSON string (numRecords, minValues, maxValues, nullCount).</summary>
    public string? Stats { get; init; }

    public IReadOnlyDictionary<string, string?>? Tags { get; init; }
}
