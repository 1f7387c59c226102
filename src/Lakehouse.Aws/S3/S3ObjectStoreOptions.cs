namespace Lakehouse.Aws.S3;

/// <summary>Where an <see cref="S3ObjectStore"/> lives and how it uploads.</summary>
/// <param name="Bucket">The bucket name.</param>
/// <param name="Prefix">An optional key prefix under which every store key lives (no leading or trailing '/').</param>
public sealed record S3ObjectStoreOptions(string Bucket, string? Prefix = null)
{
    /// <summary>Smallest allowed multipart part (S3's limit for every part but the last).</summary>
    public const int MinimumPartSize = 5 * 1024 * 1024;

    /// <summary>
    /// Size of each multipart part, and the threshold above which <see cref="S3ObjectStore.PutAsync"/> switches from a
    /// single PUT to a multipart upload. One buffer of this size is held per upload in progress. Default 16 MiB.
    /// </summary>
    public int PartSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// How many times a conditional PUT is tried when S3 answers 409 ConditionalRequestConflict (a concurrent
    /// conflicting write in flight) before giving up with a throttling error. Default 6.
    /// </summary>
    public int ConditionalConflictAttempts { get; init; } = 6;

    /// <summary>Keys per LIST page (S3's maximum and default is 1000).</summary>
    public int ListPageSize { get; init; } = 1000;

    /// <summary>Clock used for backoff delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
