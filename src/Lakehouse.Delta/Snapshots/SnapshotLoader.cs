using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Log;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Storage;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Snapshots;

/// <summary>
/// Rebuilds a <see cref="Snapshot"/>: _last_checkpoint hint (verified against the listing), newest complete checkpoint at
/// or before the version, contiguous commits after it, replay, protocol check. Load cost is bounded by the checkpoint
/// size plus at most one checkpoint interval of commits, not by the history length.
/// </summary>
internal static class SnapshotLoader
{
    private const int MaxIncrementalCommits = 100;

    public static async Task<Snapshot?> LoadAsync(IObjectStore store, string tableRoot, long? version, CancellationToken cancellationToken)
    {
        var tableUri = store.Describe(tableRoot);
        var segment = await FindSegmentAsync(store, tableRoot, version, tableUri, cancellationToken).ConfigureAwait(false);
        if (segment is null)
        {
            return null;
        }

        var replay = new LogReplay();
        if (segment.CheckpointParts.Count > 0)
        {
            replay.Apply(await CheckpointReader.ReadAsync(store, segment.CheckpointParts, cancellationToken).ConfigureAwait(false));
        }

        foreach (var commit in segment.Commits)
        {
            var bytes = await ReadAllAsync(store, commit.Key, cancellationToken).ConfigureAwait(false);
            replay.Apply(ActionCodec.Parse(bytes, store.Describe(commit.Key)));
        }

        return Build(store, tableRoot, tableUri, segment, replay, segment.CheckpointVersion);
    }

    /// <summary>
    /// Brings <paramref name="previous"/> up to the latest version by replaying only the commits after it (the common case
    /// for a long-lived writer); falls back to a full load when those commits are no longer contiguous.
    /// </summary>
    public static async Task<Snapshot> UpdateAsync(IObjectStore store, string tableRoot, Snapshot previous, CancellationToken cancellationToken)
    {
        // Probe N+1, N+2, ... instead of listing: a listing costs O(history) on a filesystem, probing O(new commits).
        var commits = new List<(LogFile File, byte[] Bytes)>();
        for (var v = previous.Version + 1; ; v++)
        {
            if (commits.Count >= MaxIncrementalCommits)
            {
                return await LoadAsync(store, tableRoot, null, cancellationToken).ConfigureAwait(false) ?? previous;
            }

            var key = DeltaLogPaths.CommitKey(tableRoot, v);
            byte[] bytes;
            try
            {
                bytes = await ReadAllAsync(store, key, cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectNotFoundException)
            {
                break;
            }

            commits.Add((new LogFile(key, v, LogFileKind.Commit, 0, 0, bytes.Length, default), bytes));
        }

        if (commits.Count == 0)
        {
            return previous;
        }

        var last = commits[^1].File;
        var head = await store.HeadAsync(last.Key, cancellationToken).ConfigureAwait(false);
        commits[^1] = (last with { LastModified = head?.LastModified ?? previous.Timestamp }, commits[^1].Bytes);
        var replay = LogReplay.From(previous);
        foreach (var (file, bytes) in commits)
        {
            replay.Apply(ActionCodec.Parse(bytes, store.Describe(file.Key)));
        }

        var segment = new LogSegment(commits[^1].File.Version, [], commits.Select(c => c.File).ToList());
        return Build(store, tableRoot, previous.TableUri, segment, replay, previous.CheckpointVersion);
    }

    private static async Task<LogSegment?> FindSegmentAsync(IObjectStore store, string tableRoot, long? version, string tableUri, CancellationToken ct)
    {
        if (version is null)
        {
            var hint = await LogListing.TryReadLastCheckpointAsync(store, tableRoot, ct).ConfigureAwait(false);
            if (hint is not null)
            {
                var tail = await LogListing.ListAsync(store, tableRoot, hint.Version, ct).ConfigureAwait(false);
                try
                {
                    var fromHint = LogListing.BuildSegment(tail, null, tableUri);
                    if (fromHint is not null && fromHint.CheckpointVersion is not null)
                    {
                        return fromHint;
                    }
                }
                catch (DeltaProtocolException)
                {
                    // A stale or odd hint (checkpoint deleted, wrong version): fall back to the full listing below.
                }
            }
        }

        var files = await LogListing.ListAsync(store, tableRoot, 0, ct).ConfigureAwait(false);
        return LogListing.BuildSegment(files, version, tableUri);
    }

    internal static async Task<byte[]> ReadAllAsync(IObjectStore store, string key, CancellationToken ct)
    {
        await using var stream = await store.OpenReadAsync(key, ct).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static Snapshot Build(IObjectStore store, string tableRoot, string tableUri, LogSegment segment, LogReplay replay, long? checkpointVersion)
    {
        var protocol = replay.Protocol ?? throw new DeltaProtocolException(
            $"No protocol found for version {segment.Version} of {tableUri}: the log has no protocol action. The table is corrupt or not a Delta table.");
        var metadata = replay.Metadata ?? throw new DeltaProtocolException(
            $"No metadata found for version {segment.Version} of {tableUri}: the log has no metaData action. The table is corrupt or not a Delta table.");
        ProtocolSupport.EnsureReadable(protocol, tableUri);
        var partitionTypes = PartitionTypes(metadata, tableUri);
        var files = new List<LiveFile>(replay.Files.Count);
        foreach (var (decoded, add) in replay.Files)
        {
            files.Add(replay.Reusable(decoded, add) ?? new LiveFile(add, ResolveKey(store, tableRoot, decoded, tableUri), TypedPartitionValues(add, partitionTypes)));
        }

        files.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        var tombstones = replay.Tombstones.Values.OrderBy(t => t.Path, StringComparer.Ordinal).ToList();
        var timestamp = segment.LastCommit?.LastModified ?? segment.CheckpointParts[0].LastModified;
        return new Snapshot(tableUri, segment.Version, protocol, metadata, files, tombstones,
            new Dictionary<string, TxnAction>(replay.Transactions, StringComparer.Ordinal), timestamp, checkpointVersion);
    }

    /// <summary>The partition columns of <paramref name="metadata"/> with their types from its schema.</summary>
    internal static List<(string Name, DataType Type)> PartitionTypes(MetadataAction metadata, string tableUri)
    {
        var schema = metadata.Schema;
        var partitionTypes = new List<(string Name, DataType Type)>();
        foreach (var column in metadata.PartitionColumns)
        {
            if (!schema.TryGetField(column, out var field))
            {
                throw new DeltaProtocolException($"Partition column '{column}' of {tableUri} is not in the table schema {schema}.");
            }

            partitionTypes.Add((column, field.Type));
        }

        return partitionTypes;
    }

    /// <summary>A live file for <paramref name="add"/>, exactly as a snapshot of the table would list it.</summary>
    internal static LiveFile ToLiveFile(IObjectStore store, string tableRoot, string tableUri, AddFile add, List<(string Name, DataType Type)> partitionTypes) =>
        new(add, ResolveKey(store, tableRoot, DeltaPath.Decode(add.Path), tableUri), TypedPartitionValues(add, partitionTypes));

    private static Dictionary<string, object?> TypedPartitionValues(AddFile add, List<(string Name, DataType Type)> partitionTypes)
    {
        var values = new Dictionary<string, object?>(partitionTypes.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, type) in partitionTypes)
        {
            string? text = null;
            if (!add.PartitionValues.TryGetValue(name, out text))
            {
                foreach (var (k, v) in add.PartitionValues)
                {
                    if (string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                    {
                        text = v;
                    }
                }
            }

            values[name] = PartitionValueCodec.Parse(text, type, name);
        }

        return values;
    }

    /// <summary>The object key of a decoded add path: relative paths join the table root; absolute URIs must lie under it.</summary>
    internal static string ResolveKey(IObjectStore store, string tableRoot, string decodedPath, string tableUri)
    {
        if (!DeltaPath.IsAbsolute(decodedPath))
        {
            return DeltaLogPaths.DataKey(tableRoot, decodedPath);
        }

        var rootUri = tableUri.TrimEnd('/') + "/";
        var candidate = decodedPath;
        if (decodedPath.StartsWith('/'))
        {
            candidate = new Uri(decodedPath).AbsoluteUri;
        }
        else if (decodedPath.StartsWith("file:/", StringComparison.Ordinal) && !decodedPath.StartsWith("file:///", StringComparison.Ordinal))
        {
            candidate = "file:///" + decodedPath["file:/".Length..];
        }

        var decodedRoot = Uri.UnescapeDataString(rootUri);
        if (candidate.StartsWith(decodedRoot, StringComparison.Ordinal))
        {
            return DeltaLogPaths.DataKey(tableRoot, candidate[decodedRoot.Length..]);
        }

        throw new DeltaProtocolException(
            $"Data file '{decodedPath}' of {tableUri} is outside the table root; files in other locations (shallow clones) are not supported.");
    }
}
