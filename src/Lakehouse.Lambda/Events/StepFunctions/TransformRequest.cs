using System.Text.Json.Serialization;
using Lakehouse.Lambda.Hosting;

namespace Lakehouse.Lambda.Events.StepFunctions;

/// <summary>
/// The Transform task's input from the pipeline state machine:
/// <c>{"pipeline": "...", "layer": "silver"|"gold", "table": "...", "runId": "...", "action"?: "transform"|"recordFailure", "error"?: {...}}</c>.
/// The run id is the log lines' <c>correlation_id</c>.
/// </summary>
public sealed record TransformRequest(
    [property: JsonPropertyName("pipeline")] string Pipeline,
    [property: JsonPropertyName("layer")] TransformLayer Layer,
    [property: JsonPropertyName("table")] string Table,
    [property: JsonPropertyName("runId")] string RunId,
    [property: JsonPropertyName("action")] TransformAction Action = TransformAction.Transform,
    [property: JsonPropertyName("error")] StepFunctionsError? Error = null) : ICorrelatedEvent
{
    [JsonIgnore]
    public string? CorrelationId => RunId;
}
