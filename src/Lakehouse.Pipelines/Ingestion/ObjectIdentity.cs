using System.Security.Cryptography;
using System.Text;

namespace Lakehouse.Pipelines.Ingestion;

/// <summary>
/// The stable identity of a landed object: SHA-256 of <c>landing/key@version</c>, where version is the ETag, else the
/// S3 version id, else the size. Used for the bronze table's txn app id and the ingested marker.
/// </summary>
/// <remarks>
/// The ETag comes first because every path that finds objects knows it: S3 event notifications (with or without
/// versioning), SQS-wrapped events and the CLI's bucket listing, which has no version ids. So the Ingest function and
/// <c>lakehouse run</c> agree on identity even on a versioned landing bucket and never ingest one object twice. The
/// consequence: the same key re-uploaded with identical bytes (same ETag) is a duplicate and is skipped, while any
/// change of content is a new object (as with Auto Loader's <c>allowOverwrites</c>).
/// </remarks>
public sealed record ObjectIdentity(string Landing, string Key, string Version, string Hash)
{
    public static ObjectIdentity Of(string landing, LandedObject landed)
    {
        ArgumentNullException.ThrowIfNull(landed);
        var version = landed.ETag?.Trim('"') ?? landed.VersionId ?? (landed.Size is { } s ? $"size:{s}" : "unversioned");
        var text = $"{landing}/{landed.Key}@{version}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new ObjectIdentity(landing, landed.Key, version, hash);
    }

    /// <summary>The Delta txn app id claiming this object in its bronze table.</summary>
    public string AppId => $"ingest/{Hash[..32]}";
}
