using System.Runtime.CompilerServices;

namespace Lakehouse.Delta.Storage;

/// <summary>A thread-safe in-memory <see cref="IObjectStore"/> for tests and tools; modification times come from a <see cref="TimeProvider"/>.</summary>
public sealed class InMemoryObjectStore : IObjectStore
{
    private readonly SortedDictionary<string, (byte[] Bytes, DateTimeOffset Modified)> _objects = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;

    public InMemoryObjectStore(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Number of objects held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _objects.Count;
            }
        }
    }

    public string Describe(string key) => "memory:///" + key;

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_objects.TryGetValue(key, out var o) ? new ObjectInfo(key, o.Bytes.Length, o.Modified, ETagOf(o.Bytes)) : null);
        }
    }

    private byte[] Get(string key)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(key, out var o) ? o.Bytes : throw new ObjectNotFoundException(Describe(key));
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new MemoryStream(Get(key), writable: false));

    public Task<ReadOnlyMemory<byte>> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken)
    {
        var bytes = Get(key);
        var start = (int)Math.Min(offset, bytes.Length);
        var n = Math.Min(length, bytes.Length - start);
        return Task.FromResult<ReadOnlyMemory<byte>>(bytes.AsMemory(start, n));
    }

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _objects[key] = (buffer.ToArray(), _time.GetUtcNow());
        }
    }

    public Task<PutIfAbsentResult> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_objects.TryAdd(key, (content.ToArray(), _time.GetUtcNow())) ? PutIfAbsentResult.Created : PutIfAbsentResult.AlreadyExists);
        }
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, string? startAfter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<ObjectInfo> snapshot;
        lock (_gate)
        {
            snapshot = _objects
                .Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal) && (startAfter is null || string.CompareOrdinal(kv.Key, startAfter) > 0))
                .Select(kv => new ObjectInfo(kv.Key, kv.Value.Bytes.Length, kv.Value.Modified, ETagOf(kv.Value.Bytes)))
                .ToList();
        }

        foreach (var info in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return info;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _objects.Remove(key);
        }

        return Task.CompletedTask;
    }

    /// <summary>A content ETag, as S3 gives single-part uploads: the hex MD5 of the bytes, quoted.</summary>
#pragma warning disable CA5351 // MD5 is what S3 uses for ETags; not a security use.
    private static string ETagOf(byte[] bytes) => "\"" + Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(bytes)) + "\"";
#pragma warning restore CA5351
}
