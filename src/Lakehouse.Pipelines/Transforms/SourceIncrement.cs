using Lakehouse.Delta.Snapshots;

namespace Lakehouse.Pipelines.Transforms;

/// <summary>
/// What a source table gained after a consumer's watermark: the data files added by commits in
/// (<see cref="FromVersion"/>, <see cref="ToVersion"/>], in commit order, read against <see cref="Snapshot"/>'s schema.
/// </summary>
internal sealed record SourceIncrement(Snapshot Snapshot, long FromVersion, long ToVersion, IReadOnlyList<LiveFile> Files, bool FromSnapshotDiff);
