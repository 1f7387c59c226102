namespace Lakehouse.Delta.Transactions;

/// <summary>A successful commit: its version, how many attempts it took, the versions other writers won meanwhile, and
/// the outcome of post-commit work (a failed checkpoint does not undo the commit; it is reported here).</summary>
public sealed record CommitResult(long Version, int Attempts, IReadOnlyList<long> WinningVersions)
{
    /// <summary>The checkpoint written after the commit, if any.</summary>
    public long? CheckpointVersion { get; init; }

    /// <summary>Why post-commit work (checkpoint, log cleanup) failed, or null. The commit itself is durable.</summary>
    public string? PostCommitError { get; init; }
}
