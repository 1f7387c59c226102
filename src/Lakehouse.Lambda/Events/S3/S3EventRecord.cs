using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Events.S3;

/// <summary>One object change. <see cref="EventName"/> is for example <c>ObjectCreated:Put</c> or <c>ObjectRemoved:Delete</c>.</summary>
public sealed record S3EventRecord(
    [property: JsonPropertyName("eventName")] string EventName,
    [property: JsonPropertyName("s3")] S3Entity S3,
    [property: JsonPropertyName("eventVersion")] string? EventVersion = null,
    [property: JsonPropertyName("eventSource")] string? EventSource = null,
    [property: JsonPropertyName("awsRegion")] string? AwsRegion = null,
    [property: JsonPropertyName("eventTime")] DateTimeOffset? EventTime = null)
{
    /// <summary>True for every <c>ObjectCreated:*</c> event (Put, Post, Copy, CompleteMultipartUpload).</summary>
    [JsonIgnore]
    public bool IsObjectCreated => EventName.StartsWith("ObjectCreated:", StringComparison.Ordinal);
}
