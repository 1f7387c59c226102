using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Events;

namespace Lakehouse.Local.StateMachines;

/// <summary>
/// The outcome of an execution: status, output (on success), error and cause (otherwise), the full event history
/// and the number of state transitions (what Step Functions standard workflows bill: every state entered, plus
/// every retry).
/// </summary>
public sealed record ExecutionResult(
    ExecutionStatus Status,
    JsonNode? Output,
    string? Error,
    string? Cause,
    IReadOnlyList<ExecutionEvent> History,
    int StateTransitions,
    string ExecutionArn,
    DateTimeOffset StartTime,
    DateTimeOffset StopTime);
