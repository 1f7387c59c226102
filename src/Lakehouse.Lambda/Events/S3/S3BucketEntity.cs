using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Events.S3;

/// <summary>The bucket of an S3 event record.</summary>
public sealed record S3BucketEntity(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("arn")] string? Arn = null);
