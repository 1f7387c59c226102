namespace Lakehouse.Local.StateMachines;

/// <summary>The default delay: really waits, on the given clock.</summary>
public sealed class TimeProviderDelay(TimeProvider timeProvider) : IExecutionDelay
{
    public Task DelayAsync(TimeSpan duration, CancellationToken cancellationToken) =>
        duration <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(duration, timeProvider, cancellationToken);
}
