using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Aws.StepFunctions;

/// <summary>The whole event history of one execution, oldest first, and the execution input (from <c>ExecutionStarted</c>).</summary>
/// <param name="ExecutionArn">The execution.</param>
/// <param name="Events">Every event, in id order.</param>
/// <param name="Input">The input JSON the execution started with; null when the history does not carry it.</param>
public sealed record ExecutionHistory(string ExecutionArn, IReadOnlyList<ExecutionHistoryEvent> Events, string? Input);
