using Lakehouse.Delta.Log;

namespace Lakehouse.Delta.Storage;

/// <summary>
/// An <see cref="ILogStore"/> over any <see cref="IObjectStore"/> whose <see cref="IObjectStore.PutIfAbsentAsync"/> is
/// atomic mutual exclusion (filesystem link/rename-without-overwrite, S3 If-None-Match, in-memory).
/// </summary>
public sealed class PutIfAbsentLogStore : ILogStore
{
    private readonly IObjectStore _store;
    private readonly string _tableRoot;

    public PutIfAbsentLogStore(IObjectStore store, string tableRoot)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _tableRoot = (tableRoot ?? throw new ArgumentNullException(nameof(tableRoot))).TrimEnd('/');
        TableUri = store.Describe(_tableRoot);
    }

    public string TableUri { get; }

    public async Task<ReadOnlyMemory<byte>?> ReadCommitAsync(long version, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await _store.OpenReadAsync(DeltaLogPaths.CommitKey(_tableRoot, version), cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }

    public async Task<CommitWriteResult> TryWriteCommitAsync(long version, ReadOnlyMemory<byte> actions, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        var result = await _store.PutIfAbsentAsync(DeltaLogPaths.CommitKey(_tableRoot, version), actions, cancellationToken).ConfigureAwait(false);
        return result == PutIfAbsentResult.Created ? CommitWriteResult.Committed : CommitWriteResult.VersionExists;
    }

    public async Task<long?> GetLatestVersionAsync(CancellationToken cancellationToken)
    {
        long? latest = null;
        await foreach (var info in _store.ListAsync(DeltaLogPaths.LogPrefix(_tableRoot), null, cancellationToken).ConfigureAwait(false))
        {
            if (DeltaLogPaths.Parse(info.Key, info.Size, info.LastModified) is { Kind: LogFileKind.Commit } file && (latest is null || file.Version > latest))
            {
                latest = file.Version;
            }
        }

        return latest;
    }
}
