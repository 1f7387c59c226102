using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Events.StepFunctions;

/// <summary>The medallion layer a transform task writes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TransformLayer>))]
public enum TransformLayer
{
    [JsonStringEnumMemberName("silver")]
    Silver,

    [JsonStringEnumMemberName("gold")]
    Gold,
}
