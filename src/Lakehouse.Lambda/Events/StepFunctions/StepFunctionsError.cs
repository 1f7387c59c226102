using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Events.StepFunctions;

/// <summary>The error object a Step Functions Catch hands on (<c>{"Error": "...", "Cause": "..."}</c>).</summary>
public sealed record StepFunctionsError(
    [property: JsonPropertyName("Error")] string? Error = null,
    [property: JsonPropertyName("Cause")] string? Cause = null);
