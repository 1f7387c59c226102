using System.Text.Json.Serialization;

namespace Lakehouse.Pipelines.Transforms;

/// <summary>The error a failed state reported (Step Functions Catch: <c>Error</c> is the error type, <c>Cause</c> the message).</summary>
public sealed record TransformError(
    [property: JsonPropertyName("Error")] string? Error,
    [property: JsonPropertyName("Cause")] string? Cause);
