namespace Lakehouse.Pipelines.Metering;

/// <summary>
/// One event of a Step Functions execution history, reduced to what transition counting needs: the event id, the id of
/// the event it follows (<c>previousEventId</c>, 0 when none), its type as the API names it (for example
/// <c>TaskStateEntered</c>, <c>LambdaFunctionScheduled</c>, <c>ExecutionRedriven</c>) and when it happened.
/// </summary>
public readonly record struct ExecutionHistoryEvent(long Id, long PreviousEventId, string Type, DateTimeOffset Timestamp);
