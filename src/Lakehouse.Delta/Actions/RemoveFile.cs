namespace Lakehouse.Delta.Actions;

/// <summary>The <c>remove</c> action: a data file that left the table (kept as a tombstone until VACUUM).</summary>
public sealed record RemoveFile : DeltaAction
{
    public string Path { get; init; } = string.Empty;

    public long? DeletionTimestamp { get; init; }

    public bool DataChange { get; init; }

    public bool? ExtendedFileMetadata { get; init; }

    public IReadOnlyDictionary<string, string?>? PartitionValues { get; init; }

    public long? Size { get; init; }

    public IReadOnlyDictionary<string, string?>? Tags { get; init; }
}
