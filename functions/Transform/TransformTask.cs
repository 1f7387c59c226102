using System.Text.Json.Serialization;
using Lakehouse.Lambda.Events.StepFunctions;
using Lakehouse.Lambda.Hosting;

namespace Lakehouse.Functions.Transform;

/// <summary>
/// The task input the state machine sends: <c>{pipeline, layer, table, runId}</c> for a table, or
/// <c>{action: "recordFailure", pipeline, runId, error: {Error, Cause}}</c> from the run's Catch (no table).
/// </summary>
internal sealed record TransformTask(
    [property: JsonPropertyName("pipeline")] string Pipeline,
    [property: JsonPropertyName("runId")] string RunId,
    [property: JsonPropertyName("layer")] string? Layer = null,
    [property: JsonPropertyName("table")] string? Table = null,
    [property: JsonPropertyName("action")] string? Action = null,
    [property: JsonPropertyName("error")] StepFunctionsError? Error = null) : ICorrelatedEvent
{
    [JsonIgnore]
    public string? CorrelationId => RunId;
}
