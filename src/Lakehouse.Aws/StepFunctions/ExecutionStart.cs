namespace Lakehouse.Aws.StepFunctions;

/// <summary>Outcome of <see cref="StepFunctionsClient.StartExecutionAsync"/>.</summary>
/// <param name="ExecutionArn">The execution's ARN (new, or the existing one of the same name and input).</param>
/// <param name="StartDate">When the execution started.</param>
/// <param name="AlreadyStarted">
/// True when an execution with this name and input had already been started (a duplicate event): nothing new runs.
/// Step Functions answers a duplicate of a still-running execution with success, so this is false in that case.
/// </param>
public sealed record ExecutionStart(string ExecutionArn, DateTimeOffset StartDate, bool AlreadyStarted);
