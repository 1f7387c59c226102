using System.Security.Cryptography;
using System.Text;

namespace Lakehouse.Pipelines.Ingestion;

/// <summary>
/// The stable identity of a landed object: SHA-256 of <c>landing/key@version</c>, where version is the S3 version id,
/// else the ETag, else the size. Used for the bronze table's txn app id and the ingested marker.
/// </summary>
public sealed record ObjectIdentity(string Landing, string Key, string Version, string Hash)
{
    public static ObjectIdentity Of(string landing, LandedObject landed)
    {
        ArgumentNullException.ThrowIfNull(landed);
        var version = landed.VersionId ?? landed.ETag?.Trim('"') ?? (landed.Size is { } s ? $"size:{s}" : "unversioned");
        var text = $"{landing}/{landed.Key}@{version}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new ObjectIdentity(landing, landed.Key, version, hash);
    }

    /// <summary>The Delta txn app id claiming this object in its bronze table.</summary>
    public string AppId => $"ingest/{Hash[..32]}";
}
