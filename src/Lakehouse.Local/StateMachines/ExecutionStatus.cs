namespace Lakehouse.Local.StateMachines;

/// <summary>How an execution ended (the Step Functions execution statuses that apply in-process).</summary>
public enum ExecutionStatus
{
    Succeeded,
    Failed,
    TimedOut,
    Aborted,
}
