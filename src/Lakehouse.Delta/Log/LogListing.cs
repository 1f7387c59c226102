using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Delta.Log;

/// <summary>Lists <c>_delta_log/</c> and picks the files of a <see cref="LogSegment"/> (PROTOCOL.md "Checkpoints", "Log Compaction" aside).</summary>
internal static class LogListing
{
    /// <summary>All recognised log files with version &gt;= <paramref name="fromVersion"/>, in version order.</summary>
    public static async Task<List<LogFile>> ListAsync(IObjectStore store, string tableRoot, long fromVersion, CancellationToken cancellationToken)
    {
        var files = new List<LogFile>();
        var prefix = DeltaLogPaths.LogPrefix(tableRoot);
        var startAfter = fromVersion > 0 ? DeltaLogPaths.StartAfterFor(tableRoot, fromVersion) : null;
        await foreach (var info in store.ListAsync(prefix, startAfter, cancellationToken).ConfigureAwait(false))
        {
            if (info.Key.IndexOf('/', prefix.Length) >= 0)
            {
                continue; // sub-folders such as .tmp/ or _staged_commits/
            }

            if (DeltaLogPaths.Parse(info.Key, info.Size, info.LastModified) is { } file)
            {
                files.Add(file);
            }
        }

        return files;
    }

    /// <summary>Reads <c>_last_checkpoint</c>; null when missing, empty or unreadable (the caller then lists everything).</summary>
    public static async Task<LastCheckpointInfo?> TryReadLastCheckpointAsync(IObjectStore store, string tableRoot, CancellationToken cancellationToken)
    {
        try
        {
            var key = DeltaLogPaths.LastCheckpointKey(tableRoot);
            var head = await store.HeadAsync(key, cancellationToken).ConfigureAwait(false);
            if (head is null || head.Size == 0 || head.Size > 1 << 20)
            {
                return null;
            }

            var bytes = await store.ReadRangeAsync(key, 0, (int)head.Size, cancellationToken).ConfigureAwait(false);
            var info = System.Text.Json.JsonSerializer.Deserialize(bytes.Span, LogJsonContext.Default.LastCheckpointInfo);
            return info is { Version: >= 0 } ? info : null;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ObjectNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Builds the segment for <paramref name="version"/> (latest when null) from a listing.</summary>
    public static LogSegment? BuildSegment(IReadOnlyList<LogFile> files, long? version, string tableUri)
    {
        long? latest = null;
        foreach (var f in files)
        {
            if (f.Kind == LogFileKind.Commit || IsComplete(files, f))
            {
                latest = latest is null ? f.Version : Math.Max(latest.Value, f.Version);
            }
        }

        if (latest is null)
        {
            return null;
        }

        var target = version ?? latest.Value;
        if (target > latest)
        {
            throw new DeltaProtocolException($"Version {target} of {tableUri} does not exist; the latest version is {latest}.");
        }

        var checkpoint = FindCheckpoint(files, target);
        var start = checkpoint.Count == 0 ? 0 : checkpoint[0].Version + 1;
        var commits = new List<LogFile>();
        foreach (var f in files)
        {
            if (f.Kind == LogFileKind.Commit && f.Version >= start && f.Version <= target)
            {
                commits.Add(f);
            }
        }

        CheckContiguous(commits, start, target, checkpoint.Count > 0, tableUri);
        return new LogSegment(target, checkpoint, commits);
    }

    private static void CheckContiguous(List<LogFile> commits, long start, long target, bool hasCheckpoint, string tableUri)
    {
        var expected = start;
        foreach (var c in commits)
        {
            if (c.Version != expected)
            {
                throw new DeltaProtocolException(
                    $"The log of {tableUri} is not contiguous: expected commit {expected} but found {c.Version}" +
                    (hasCheckpoint ? $" after checkpoint {start - 1}" : " and no checkpoint covers the gap") +
                    ". Commit files are missing (deleted or not yet visible); restore them or read an older version.");
            }

            expected++;
        }

        if (expected <= target)
        {
            throw new DeltaProtocolException(
                $"The log of {tableUri} has no commit {expected} (needed for version {target}). " +
                (hasCheckpoint || start == 0 ? "The history was cleaned up or is incomplete; read a version that still has its commits." : string.Empty));
        }
    }

    /// <summary>The parts of the newest complete checkpoint at or before <paramref name="version"/>; empty if none.</summary>
    private static List<LogFile> FindCheckpoint(IReadOnlyList<LogFile> files, long version)
    {
        for (var i = files.Count - 1; i >= 0; i--)
        {
            var f = files[i];
            if (f.Version > version || f.Kind == LogFileKind.Commit)
            {
                continue;
            }

            if (f.Kind == LogFileKind.Checkpoint)
            {
                return [f];
            }

            var parts = CompleteParts(files, f);
            if (parts is not null)
            {
                return parts;
            }
        }

        return [];
    }

    private static bool IsComplete(IReadOnlyList<LogFile> files, LogFile f) =>
        f.Kind == LogFileKind.Checkpoint || (f.Kind == LogFileKind.MultiPartCheckpoint && CompleteParts(files, f) is not null);

    private static List<LogFile>? CompleteParts(IReadOnlyList<LogFile> files, LogFile probe)
    {
        var parts = new LogFile?[probe.Parts];
        foreach (var f in files)
        {
            if (f.Kind == LogFileKind.MultiPartCheckpoint && f.Version == probe.Version && f.Parts == probe.Parts)
            {
                parts[f.Part - 1] = f;
            }
        }

        return parts.All(p => p is not null) ? parts.Select(p => p!).ToList() : null;
    }
}
