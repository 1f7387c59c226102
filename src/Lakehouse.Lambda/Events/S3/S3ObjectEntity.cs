using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Events.S3;

/// <summary>
/// The object of an S3 event record. <see cref="Key"/> is exactly as delivered: URL-encoded, with <c>+</c> for
/// spaces. Use <see cref="DecodedKey"/> for S3 calls.
/// </summary>
public sealed record S3ObjectEntity(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("size")] long? Size = null,
    [property: JsonPropertyName("eTag")] string? ETag = null,
    [property: JsonPropertyName("versionId")] string? VersionId = null,
    [property: JsonPropertyName("sequencer")] string? Sequencer = null)
{
    /// <summary>The real object key (<see cref="S3KeyDecoder.Decode"/> of <see cref="Key"/>).</summary>
    [JsonIgnore]
    public string DecodedKey => S3KeyDecoder.Decode(Key);
}
