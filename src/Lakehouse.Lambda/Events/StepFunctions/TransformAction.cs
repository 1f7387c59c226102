using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Events.StepFunctions;

/// <summary>What the state machine asks the Transform function to do.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TransformAction>))]
public enum TransformAction
{
    /// <summary>Run the table's transform (the default when the payload has no <c>action</c>).</summary>
    [JsonStringEnumMemberName("transform")]
    Transform,

    /// <summary>Record a failed run in the pipeline event log (the state machine's Catch path).</summary>
    [JsonStringEnumMemberName("recordFailure")]
    RecordFailure,
}
