namespace Lakehouse.Local.StateMachines.Tasks;

/// <summary>
/// What a handler knows about the task it runs: the execution, the state, the resource it was resolved from and the
/// attempt (0 for the first try, n for the n-th retry).
/// </summary>
public sealed record TaskContext(
    string ExecutionId,
    string ExecutionName,
    string StateName,
    string Resource,
    int RetryCount,
    DateTimeOffset EnteredTime);
