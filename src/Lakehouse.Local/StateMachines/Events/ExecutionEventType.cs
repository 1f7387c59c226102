namespace Lakehouse.Local.StateMachines.Events;

/// <summary>Kinds of history events, after the Step Functions execution history.</summary>
public enum ExecutionEventType
{
    ExecutionStarted,
    ExecutionSucceeded,
    ExecutionFailed,
    ExecutionTimedOut,
    ExecutionAborted,
    StateEntered,
    StateExited,
    StateFailed,
    TaskScheduled,
    TaskSucceeded,
    TaskFailed,
    TaskTimedOut,
    RetryScheduled,
    ErrorCaught,
    WaitStarted,
    MapIterationStarted,
    MapIterationSucceeded,
    MapIterationFailed,
}
