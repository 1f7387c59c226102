using System.Globalization;
using Lakehouse.Delta.Storage;

namespace Lakehouse.Aws.LogStores;

/// <summary>Where the commit files of one table live (<c>&lt;root&gt;/_delta_log/%020d.json</c>) and how to find the newest.</summary>
internal sealed class DeltaLogLayout
{
    private const int VersionDigits = 20;

    public DeltaLogLayout(string tableRoot)
    {
        ArgumentNullException.ThrowIfNull(tableRoot);
        TableRoot = tableRoot.TrimEnd('/');
        LogPrefix = TableRoot.Length == 0 ? "_delta_log/" : TableRoot + "/_delta_log/";
    }

    /// <summary>The table root key, without a trailing '/'.</summary>
    public string TableRoot { get; }

    /// <summary>The key prefix of the log folder, ending in '/'.</summary>
    public string LogPrefix { get; }

    /// <summary><c>00000000000000000005.json</c></summary>
    public static string CommitFileName(long version) => version.ToString("D20", CultureInfo.InvariantCulture) + ".json";

    /// <summary>The store key of commit <paramref name="version"/>.</summary>
    public string CommitKey(long version) => LogPrefix + CommitFileName(version);

    /// <summary>The version of a commit file name (<c>N.json</c> with 20 digits), or null for any other log file.</summary>
    public static long? ParseCommitFileName(ReadOnlySpan<char> fileName)
    {
        if (fileName.Length != VersionDigits + 5 || !fileName.EndsWith(".json", StringComparison.Ordinal))
        {
            return null;
        }

        var digits = fileName[..VersionDigits];
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return null;
            }
        }

        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    /// <summary>
    /// The newest commit version in a listing of the log folder, considering only versions above
    /// <paramref name="atLeast"/> (listing starts just after that commit file), or <paramref name="atLeast"/> itself.
    /// </summary>
    public async Task<long?> LatestListedVersionAsync(IObjectStore store, long? atLeast, CancellationToken cancellationToken)
    {
        var latest = atLeast;
        var startAfter = atLeast is { } v ? CommitKey(v) : null;
        await foreach (var item in store.ListAsync(LogPrefix, startAfter, cancellationToken).ConfigureAwait(false))
        {
            if (ParseCommitFileName(item.Key.AsSpan(LogPrefix.Length)) is { } version && (latest is null || version > latest))
            {
                latest = version;
            }
        }

        return latest;
    }

    /// <summary>Reads a whole object, or null when it does not exist.</summary>
    public static async Task<byte[]?> TryReadAllAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        Stream stream;
        try
        {
            stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
            return copy.ToArray();
        }
    }
}
