namespace Lakehouse.Delta.Log;

/// <summary>The files needed to rebuild one version: the newest complete checkpoint at or before it (possibly none) and
/// every commit after the checkpoint up to the version, in order.</summary>
internal sealed record LogSegment(long Version, IReadOnlyList<LogFile> CheckpointParts, IReadOnlyList<LogFile> Commits)
{
    public long? CheckpointVersion => CheckpointParts.Count == 0 ? null : CheckpointParts[0].Version;

    /// <summary>The commit file of <see cref="Version"/> (null when the version is covered by the checkpoint only).</summary>
    public LogFile? LastCommit => Commits.Count == 0 ? null : Commits[^1];
}
