using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Events.StepFunctions;

/// <summary>
/// The Transform task's output, kept small (Step Functions passes at most 256 KB between states). Shape is provisional:
/// the transform component refines it. <see cref="Status"/> is for example <c>succeeded</c>, <c>noChanges</c>, <c>failureRecorded</c>.
/// </summary>
public sealed record TransformSummary(
    [property: JsonPropertyName("pipeline")] string Pipeline,
    [property: JsonPropertyName("layer")] TransformLayer Layer,
    [property: JsonPropertyName("table")] string Table,
    [property: JsonPropertyName("runId")] string RunId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("version")] long? Version = null,
    [property: JsonPropertyName("rowsRead")] long RowsRead = 0,
    [property: JsonPropertyName("rowsWritten")] long RowsWritten = 0,
    [property: JsonPropertyName("rowsQuarantined")] long RowsQuarantined = 0,
    [property: JsonPropertyName("durationMs")] long DurationMs = 0,
    [property: JsonPropertyName("message")] string? Message = null);
