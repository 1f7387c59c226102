using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Events.Sqs;

/// <summary>The message S3 sends once when a notification configuration is created (<c>"Event": "s3:TestEvent"</c>).</summary>
public sealed record S3TestEvent(
    [property: JsonPropertyName("Event")] string Event,
    [property: JsonPropertyName("Service")] string? Service = null,
    [property: JsonPropertyName("Time")] DateTimeOffset? Time = null,
    [property: JsonPropertyName("Bucket")] string? Bucket = null,
    [property: JsonPropertyName("RequestId")] string? RequestId = null,
    [property: JsonPropertyName("HostId")] string? HostId = null);
