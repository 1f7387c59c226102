using System.Text.Json.Nodes;

namespace Lakehouse.Pipelines.Transforms;

/// <summary>
/// Input of one Transform invocation (a Step Functions task or a CLI step):
/// <c>{pipeline, layer: "silver"|"gold", table, runId, action?: "transform"|"recordFailure", error?: {Error, Cause}}</c>.
/// </summary>
public sealed record TransformRequest(string Pipeline, string Layer, string Table, string RunId, string? Action = null, TransformError? Error = null)
{
    public const string TransformAction = "transform";
    public const string RecordFailureAction = "recordFailure";

    /// <summary>Reads the request from the task input JSON (property names as above; Error/Cause as Step Functions' Catch writes them).</summary>
    public static TransformRequest FromJson(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        static string Required(JsonNode n, string name) =>
            n[name]?.GetValue<string>() is { Length: > 0 } v ? v : throw new TransformException($"The transform request has no '{name}'; expected {{pipeline, layer, table, runId}}.");
        var error = node["error"] is JsonObject e
            ? new TransformError(e[nameof(TransformError.Error)]?.ToString() ?? e["error"]?.ToString(), e[nameof(TransformError.Cause)]?.ToString() ?? e["cause"]?.ToString())
            : null;
        return new TransformRequest(Required(node, "pipeline"), Required(node, "layer"), Required(node, "table"), Required(node, "runId"), node["action"]?.GetValue<string>(), error);
    }
}

/// <summary>The error a failed state reported (Step Functions Catch: <c>Error</c> is the error type, <c>Cause</c> the message).</summary>
public sealed record TransformError(string? Error, string? Cause);
