using Lakehouse.Delta;
using Lakehouse.Delta.Snapshots;

namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>
/// The data files one source added and removed in the versions (watermark, latest] (a file both added and removed
/// in that range cancels out), or why they cannot be used for an incremental update (<see cref="FallbackReason"/>).
/// Removed files are read for the rows they held: after an update or delete they carry the old values.
/// </summary>
internal sealed record SourceChanges(
    DeltaTable Table,
    Snapshot Snapshot,
    long Watermark,
    IReadOnlyList<LiveFile> Added,
    IReadOnlyList<LiveFile> Removed,
    string? FallbackReason)
{
    public long Bytes => Added.Sum(f => f.Size) + Removed.Sum(f => f.Size);

    public static SourceChanges Fallback(DeltaTable table, Snapshot snapshot, long watermark, string reason) =>
        new(table, snapshot, watermark, [], [], reason);
}
