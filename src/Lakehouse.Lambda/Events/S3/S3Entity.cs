using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Events.S3;

/// <summary>The <c>s3</c> member of a record: which bucket and object.</summary>
public sealed record S3Entity(
    [property: JsonPropertyName("bucket")] S3BucketEntity Bucket,
    [property: JsonPropertyName("object")] S3ObjectEntity Object,
    [property: JsonPropertyName("s3SchemaVersion")] string? S3SchemaVersion = null,
    [property: JsonPropertyName("configurationId")] string? ConfigurationId = null);
