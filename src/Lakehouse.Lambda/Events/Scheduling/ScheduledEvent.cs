using System.Text.Json;
using System.Text.Json.Serialization;
using Lakehouse.Lambda.Hosting;

namespace Lakehouse.Lambda.Events.Scheduling;

/// <summary>
/// An EventBridge scheduled event (<c>"detail-type": "Scheduled Event"</c>, <c>"source": "aws.events"</c>); stands in
/// for Amazon.Lambda.CloudWatchEvents. <see cref="Time"/> is the scheduled instant, the natural "as of" of a nightly job.
/// </summary>
public sealed record ScheduledEvent(
    [property: JsonPropertyName("detail-type")] string DetailType,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("version")] string? Version = null,
    [property: JsonPropertyName("account")] string? Account = null,
    [property: JsonPropertyName("region")] string? Region = null,
    [property: JsonPropertyName("resources")] IReadOnlyList<string>? Resources = null,
    [property: JsonPropertyName("detail")] JsonElement? Detail = null) : ICorrelatedEvent
{
    [JsonIgnore]
    public string? CorrelationId => Id;
}
