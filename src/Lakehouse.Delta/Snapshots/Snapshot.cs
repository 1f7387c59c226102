using Lakehouse.Delta.Actions;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Snapshots;

/// <summary>
/// The state of a Delta table at one version: protocol, metadata, live files, tombstones and idempotent-writer versions.
/// Immutable; obtain one from <see cref="DeltaTable.GetSnapshotAsync"/>.
/// </summary>
public sealed class Snapshot
{
    internal Snapshot(
        string tableUri,
        long version,
        ProtocolAction protocol,
        MetadataAction metadata,
        IReadOnlyList<LiveFile> files,
        IReadOnlyList<RemoveFile> tombstones,
        IReadOnlyDictionary<string, TxnAction> appTransactions,
        DateTimeOffset timestamp,
        long? checkpointVersion)
    {
        TableUri = tableUri;
        Version = version;
        Protocol = protocol;
        Metadata = metadata;
        Files = files;
        Tombstones = tombstones;
        AppTransactions = appTransactions;
        Timestamp = timestamp;
        CheckpointVersion = checkpointVersion;
    }

    public string TableUri { get; }

    public long Version { get; }

    public ProtocolAction Protocol { get; }

    public MetadataAction Metadata { get; }

    /// <summary>The table schema, including partition columns.</summary>
    public StructType Schema => Metadata.Schema;

    public IReadOnlyList<string> PartitionColumns => Metadata.PartitionColumns;

    /// <summary>The table configuration (<c>delta.*</c> properties and user properties).</summary>
    public IReadOnlyDictionary<string, string> Configuration =>
        Metadata.Configuration ?? (IReadOnlyDictionary<string, string>)new Dictionary<string, string>();

    /// <summary>The live data files, in path order.</summary>
    public IReadOnlyList<LiveFile> Files { get; }

    /// <summary>Files removed and not yet expired (kept for VACUUM).</summary>
    public IReadOnlyList<RemoveFile> Tombstones { get; }

    /// <summary>The latest <c>txn</c> per appId.</summary>
    public IReadOnlyDictionary<string, TxnAction> AppTransactions { get; }

    /// <summary>When this version was committed (the commit file's modification time).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The checkpoint the snapshot was built from, if any.</summary>
    public long? CheckpointVersion { get; }

    /// <summary>The version the idempotent writer <paramref name="appId"/> last committed, or null.</summary>
    public long? GetAppTransactionVersion(string appId) =>
        AppTransactions.TryGetValue(appId, out var txn) ? txn.Version : null;

    /// <summary>Sum of <c>numRecords</c> over live files; null if any file lacks stats.</summary>
    public long? TryGetRowCountFromStats()
    {
        long total = 0;
        foreach (var f in Files)
        {
            if (f.Stats?.NumRecords is not { } n)
            {
                return null;
            }

            total += n;
        }

        return total;
    }
}
