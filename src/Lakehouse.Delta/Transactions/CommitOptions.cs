namespace Lakehouse.Delta.Transactions;

/// <summary>
/// The commit loop's retry budget. A lost race is retried at the next version after checking the winners; between
/// attempts the writer waits a random time up to an exponentially growing cap ("full jitter"). When attempts or time run
/// out the commit fails loudly with <see cref="Errors.CommitConflictException"/>; it is never dropped.
/// </summary>
public sealed record CommitOptions
{
    public static readonly CommitOptions Default = new();

    /// <summary>Maximum attempts to write a commit file (Spark retries effectively forever; delta-rs 15).</summary>
    public int MaxAttempts { get; init; } = 200;

    /// <summary>Maximum wall time spent retrying.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Backoff cap after the second lost race; doubles per attempt up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Written into commitInfo.engineInfo.</summary>
    public string EngineInfo { get; init; } = "Lakehouse.Delta/1.0";

    /// <summary>Write a checkpoint after commits whose version is a multiple of delta.checkpointInterval.</summary>
    public bool CheckpointAfterCommit { get; init; } = true;
}
