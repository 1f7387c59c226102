namespace Lakehouse.Pipelines.Orchestration;

/// <summary>The run that a start request maps to: its execution id (ARN on AWS) and whether it existed already.</summary>
public sealed record RunStart(string ExecutionId, bool AlreadyStarted);
