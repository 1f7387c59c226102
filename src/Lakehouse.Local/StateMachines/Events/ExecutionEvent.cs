namespace Lakehouse.Local.StateMachines.Events;

/// <summary>
/// One entry of an execution's history. <see cref="StateName"/> is the state concerned; <see cref="MapIndex"/> the
/// iteration (for events inside a Map iteration, the innermost one); <see cref="Error"/>/<see cref="Cause"/> are set
/// for failures, retries and catches; <see cref="RetryCount"/> is the attempt about to run for a retry;
/// <see cref="Delay"/> the wait before it.
/// </summary>
public sealed record ExecutionEvent(
    long Id,
    DateTimeOffset Timestamp,
    ExecutionEventType Type,
    string? StateName,
    int? MapIndex = null,
    string? Error = null,
    string? Cause = null,
    int? RetryCount = null,
    TimeSpan? Delay = null,
    string? Resource = null);
