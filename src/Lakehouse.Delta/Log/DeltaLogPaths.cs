using System.Globalization;

namespace Lakehouse.Delta.Log;

/// <summary>Names of the files in <c>_delta_log/</c> (PROTOCOL.md "Delta Log Entries", "Checkpoints").</summary>
public static class DeltaLogPaths
{
    public const string LogFolder = "_delta_log/";

    /// <summary><c>&lt;root&gt;/_delta_log/</c> (no leading '/' when the root is empty).</summary>
    public static string LogPrefix(string tableRoot) => tableRoot.Length == 0 ? LogFolder : tableRoot + "/" + LogFolder;

    public static string CommitKey(string tableRoot, long version) =>
        LogPrefix(tableRoot) + version.ToString("D20", CultureInfo.InvariantCulture) + ".json";

    public static string CheckpointKey(string tableRoot, long version) =>
        LogPrefix(tableRoot) + version.ToString("D20", CultureInfo.InvariantCulture) + ".checkpoint.parquet";

    public static string LastCheckpointKey(string tableRoot) => LogPrefix(tableRoot) + "_last_checkpoint";

    /// <summary>The listing start-after key that yields every log file of <paramref name="version"/> and later.</summary>
    public static string StartAfterFor(string tableRoot, long version) =>
        version <= 0 ? LogPrefix(tableRoot) : LogPrefix(tableRoot) + (version - 1).ToString("D20", CultureInfo.InvariantCulture) + ".~";

    /// <summary>Key of a table-relative path (<paramref name="relativePath"/> already URI-decoded).</summary>
    public static string DataKey(string tableRoot, string relativePath) =>
        tableRoot.Length == 0 ? relativePath : tableRoot + "/" + relativePath;

    /// <summary>Recognises a commit or checkpoint file name (the part after <c>_delta_log/</c>); null for anything else.</summary>
    public static LogFile? Parse(string key, long size, DateTimeOffset lastModified)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = key.AsSpan(key.LastIndexOf('/') + 1);
        if (name.Length < 25 || !long.TryParse(name[..20], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return null;
        }

        var rest = name[20..];
        if (rest.SequenceEqual(".json"))
        {
            return new LogFile(key, version, LogFileKind.Commit, 0, 0, size, lastModified);
        }

        if (rest.SequenceEqual(".checkpoint.parquet"))
        {
            return new LogFile(key, version, LogFileKind.Checkpoint, 1, 1, size, lastModified);
        }

        // %020d.checkpoint.%010d.%010d.parquet
        if (rest.Length == ".checkpoint.0000000001.0000000002.parquet".Length
            && rest.StartsWith(".checkpoint.") && rest.EndsWith(".parquet")
            && int.TryParse(rest.Slice(12, 10), NumberStyles.None, CultureInfo.InvariantCulture, out var part)
            && int.TryParse(rest.Slice(23, 10), NumberStyles.None, CultureInfo.InvariantCulture, out var parts)
            && part >= 1 && part <= parts)
        {
            return new LogFile(key, version, LogFileKind.MultiPartCheckpoint, part, parts, size, lastModified);
        }

        return null;
    }
}
