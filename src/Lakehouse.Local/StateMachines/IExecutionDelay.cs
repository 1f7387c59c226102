namespace Lakehouse.Local.StateMachines;

/// <summary>
/// Waits the interpreter performs (Wait states, Retry intervals). Injected so tests record waits instead of sleeping
/// and so the CLI can shorten them.
/// </summary>
public interface IExecutionDelay
{
    Task DelayAsync(TimeSpan duration, CancellationToken cancellationToken);
}
