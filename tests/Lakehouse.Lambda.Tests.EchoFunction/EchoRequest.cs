using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Tests.EchoFunction;

/// <summary>
/// The echo event. <see cref="Mode"/>: <c>echo</c> (answer), <c>fail</c> (throw InvalidOperationException),
/// <c>reject</c> (throw a LakehouseException), <c>sleep</c> (wait <see cref="DelayMs"/> honouring the token).
/// </summary>
public sealed record EchoRequest(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("mode")] string Mode = "echo",
    [property: JsonPropertyName("delayMs")] int DelayMs = 0);
