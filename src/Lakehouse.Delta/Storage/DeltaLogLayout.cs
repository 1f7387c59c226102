using System.Globalization;
using System.Text.Json;
namespace Lakehouse.Delta.Storage;

/// <summary>
/// Where the commit files of one table live (<c>&lt;root&gt;/_delta_log/%020d.json</c>) and how to find the newest:
/// the shared helper of every <see cref="ILogStore"/> (put-if-absent here, DynamoDB-coordinated in Lakehouse.Aws).
/// </summary>
public sealed class DeltaLogLayout
{
    private const int VersionDigits = 20;

    /// <summary>The layout of the table rooted at <paramref name="tableRoot"/> (a store key, "" for the store root).</summary>
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

    /// <summary>The key of <c>_delta_log/_last_checkpoint</c>.</summary>
    public string LastCheckpointKey => LogPrefix + "_last_checkpoint";

    /// <summary>
    /// The newest commit version in a listing of the log folder, considering only versions above
    /// <paramref name="atLeast"/> (listing starts just after that commit file), or <paramref name="atLeast"/> itself.
    /// Without a lower bound the listing starts at the version named by <c>_last_checkpoint</c>, so a long log is not
    /// listed from version 0 on every call.
    /// </summary>
    public async Task<long?> LatestListedVersionAsync(IObjectStore store, long? atLeast, CancellationToken cancellationToken)
    {
        atLeast ??= await LastCheckpointVersionAsync(store, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// The version in <c>_last_checkpoint</c> when its commit file exists (a checkpoint's commit is never cleaned up
    /// before the checkpoint itself), else null. A malformed hint is ignored: the caller then lists the whole log.
    /// </summary>
    private async Task<long?> LastCheckpointVersionAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        var hint = await TryReadAllAsync(store, LastCheckpointKey, cancellationToken).ConfigureAwait(false);
        if (hint is null)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(hint);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("version"u8)
                    && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var version) && version >= 0)
                {
                    return await store.HeadAsync(CommitKey(version), cancellationToken).ConfigureAwait(false) is null ? null : version;
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
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
