using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Lakehouse.Pipelines.Transforms;

/// <summary>
/// The state machine's task payload for the Transform step, the one contract between
/// <c>functions/statemachine/pipeline.asl.json</c>, the Transform Lambda and the local orchestrator:
/// <c>{pipeline, layer: "silver"|"gold", table, runId}</c> for a table (the Map item selectors), or
/// <c>{action: "recordFailure", pipeline, runId, error: {Error, Cause}}</c> from the run's Catch (no layer or table).
/// JSON through <see cref="TransformRequestJsonContext"/> (source-generated); <see cref="Validate"/> checks what the
/// JSON shape cannot.
/// </summary>
/// <param name="Pipeline">The pipeline's name.</param>
/// <param name="Layer"><c>silver</c> or <c>gold</c>; null for <see cref="RecordFailureAction"/>.</param>
/// <param name="Table">The silver or gold table; null for <see cref="RecordFailureAction"/>.</param>
/// <param name="RunId">The pipeline run (the execution name; the log lines' correlation id).</param>
/// <param name="Action"><see cref="TransformAction"/> (the default when null) or <see cref="RecordFailureAction"/>.</param>
/// <param name="Error">The error the state machine caught (<see cref="RecordFailureAction"/> only).</param>
public sealed record TransformRequest(
    [property: JsonPropertyName("pipeline"), JsonRequired] string Pipeline,
    [property: JsonPropertyName("layer")] string? Layer,
    [property: JsonPropertyName("table")] string? Table,
    [property: JsonPropertyName("runId"), JsonRequired] string RunId,
    [property: JsonPropertyName("action")] string? Action = null,
    [property: JsonPropertyName("error")] TransformError? Error = null)
{
    public const string TransformAction = "transform";
    public const string RecordFailureAction = "recordFailure";

    /// <summary>True for the run's failure record (the state machine's Catch path).</summary>
    [JsonIgnore]
    public bool IsRecordFailure => string.Equals(Action, RecordFailureAction, StringComparison.OrdinalIgnoreCase);

    /// <summary>What is wrong with the request (null when it can run): an unknown action, or a table step without layer or table.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(Pipeline) || string.IsNullOrWhiteSpace(RunId))
        {
            return "The transform request has no 'pipeline' or 'runId'; expected {pipeline, layer: \"silver\"|\"gold\", table, runId}.";
        }

        if (IsRecordFailure)
        {
            return null;
        }

        if (Action is not null && !string.Equals(Action, TransformAction, StringComparison.OrdinalIgnoreCase))
        {
            return $"Unknown transform action '{Action}' in run {RunId}; use '{TransformAction}' (the default) or '{RecordFailureAction}'.";
        }

        return string.IsNullOrWhiteSpace(Layer) || string.IsNullOrWhiteSpace(Table)
            ? $"The transform request of run {RunId} names no layer or table; expected {{pipeline, layer: \"silver\"|\"gold\", table, runId}} or action \"{RecordFailureAction}\"."
            : null;
    }

    /// <summary>Reads and validates a task input (a local state machine's task input).</summary>
    /// <exception cref="TransformException">The input is not a transform request.</exception>
    public static TransformRequest FromJson(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        TransformRequest? request;
        try
        {
            request = node.Deserialize(TransformRequestJsonContext.Default.TransformRequest);
        }
        catch (JsonException e)
        {
            throw new TransformException($"The task input is not a transform request: {e.Message} Expected {{pipeline, layer, table, runId}} or {{action: \"{RecordFailureAction}\", pipeline, runId, error}}.", e);
        }

        if (request?.Validate() is { } problem)
        {
            throw new TransformException(problem);
        }

        return request ?? throw new TransformException("The task input is JSON null; expected {pipeline, layer, table, runId}.");
    }
}
