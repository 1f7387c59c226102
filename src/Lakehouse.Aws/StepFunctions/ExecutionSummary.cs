namespace Lakehouse.Aws.StepFunctions;

/// <summary>One execution as ListExecutions reports it.</summary>
/// <param name="ExecutionArn">The execution's ARN.</param>
/// <param name="Name">The execution name.</param>
/// <param name="Status">RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE.</param>
/// <param name="StartDate">When it started (a redrive keeps the original start).</param>
/// <param name="StopDate">When it stopped, once it has.</param>
/// <param name="RedriveCount">How many times it was redriven (0 when never).</param>
/// <param name="RedriveDate">When it was last redriven, if it was.</param>
public sealed record ExecutionSummary(
    string ExecutionArn,
    string Name,
    string Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    int RedriveCount,
    DateTimeOffset? RedriveDate)
{
    /// <summary>True for SUCCEEDED, FAILED, TIMED_OUT and ABORTED: the execution stopped and its history is final (until a redrive).</summary>
    public bool IsFinished => Status is "SUCCEEDED" or "FAILED" or "TIMED_OUT" or "ABORTED";
}
