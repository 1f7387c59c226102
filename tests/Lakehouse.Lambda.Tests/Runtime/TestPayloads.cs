using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Tests.Runtime;

internal sealed record GreetingEvent([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("runId")] string? RunId = null)
    : Lakehouse.Lambda.Hosting.ICorrelatedEvent
{
    [JsonIgnore]
    public string? CorrelationId => RunId;
}

internal sealed record GreetingResult([property: JsonPropertyName("greeting")] string Greeting);

[JsonSourceGenerationOptions(RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(GreetingEvent))]
[JsonSerializable(typeof(GreetingResult))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
