namespace Lakehouse.Pipelines.Ingestion;

/// <summary>
/// A file that arrived in the landing area: its key in the landing store and the identity S3 gives it
/// (<paramref name="ETag"/>, and <paramref name="VersionId"/> on versioned buckets). Together with the landing bucket
/// name they identify the object for exactly-once ingestion (see <see cref="ObjectIdentity"/>): the same key
/// overwritten with new content is a new object.
/// </summary>
public sealed record LandedObject(string Key, long? Size = null, string? ETag = null, string? VersionId = null);
