namespace Lakehouse.Pipelines.EventLog;

/// <summary>
/// One row of a pipeline's event log (a Delta table at <c>LakeLayout.EventLog(pipeline)</c>), modelled on the Lakeflow
/// event log: what happened (<see cref="EventType"/>, see <see cref="PipelineEventTypes"/>), to which table in which run,
/// with row counts, expectation results, duration and error text. <see cref="Details"/> is a JSON object with
/// step-specific figures (source versions read, version written, files rewritten).
/// </summary>
public sealed record PipelineEvent(
    DateTimeOffset Timestamp,
    string RunId,
    string Pipeline,
    string? Table,
    string? Layer,
    string EventType,
    string? Status = null,
    long? RowsRead = null,
    long? RowsWritten = null,
    long? RowsDropped = null,
    string? Expectation = null,
    string? ExpectationAction = null,
    long? Passed = null,
    long? Failed = null,
    long? DurationMs = null,
    string? Error = null,
    string? Details = null);
