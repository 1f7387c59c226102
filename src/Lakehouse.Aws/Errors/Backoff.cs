namespace Lakehouse.Aws.Errors;

/// <summary>Bounded exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter").</summary>
internal static class Backoff
{
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(2);

    /// <summary>The delay before retry number <paramref name="attempt"/> (1-based): uniform in [0, min(cap, base·2^attempt)].</summary>
    public static TimeSpan DelayFor(int attempt)
    {
        var ceiling = Math.Min(Cap.TotalMilliseconds, Base.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16)));
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
#pragma warning restore CA5394
    }

    public static Task DelayAsync(int attempt, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        Task.Delay(DelayFor(attempt), timeProvider, cancellationToken);
}
