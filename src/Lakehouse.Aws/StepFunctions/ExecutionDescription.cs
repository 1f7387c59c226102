namespace Lakehouse.Aws.StepFunctions;

/// <summary>What DescribeExecution reports about one execution.</summary>
/// <param name="ExecutionArn">The execution's ARN.</param>
/// <param name="StateMachineArn">The state machine it runs.</param>
/// <param name="Name">The execution name.</param>
/// <param name="Status">RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE.</param>
/// <param name="Input">The execution input JSON.</param>
/// <param name="Output">The output JSON once SUCCEEDED, else null.</param>
/// <param name="StartDate">When it started.</param>
/// <param name="StopDate">When it stopped, if it has.</param>
/// <param name="Error">The error name of a failed execution.</param>
/// <param name="Cause">The error cause of a failed execution.</param>
public sealed record ExecutionDescription(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    string Status,
    string? Input,
    string? Output,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    string? Error,
    string? Cause);
