namespace Lakehouse.Pipelines.Metering;

/// <summary>
/// The state transitions of one run of an execution: the first run (<see cref="Redrive"/> 0) or the n-th redrive.
/// <see cref="ClosedAt"/> is the time of the event that ended that run (ExecutionSucceeded/Failed/TimedOut/Aborted),
/// null while it is still running.
/// </summary>
public sealed record TransitionSegment(int Redrive, long Transitions, DateTimeOffset? ClosedAt);
