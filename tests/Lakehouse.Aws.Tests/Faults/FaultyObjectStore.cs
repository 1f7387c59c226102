using Lakehouse.Delta.Storage;

namespace Lakehouse.Aws.Tests.Faults;

/// <summary>
/// Decorates an object store; each hook runs before (or instead of) the real call. A hook may throw (crash, timeout)
/// or return a value to short-circuit the call.
/// </summary>
public sealed class FaultyObjectStore(IObjectStore inner) : IObjectStore
{
    public Func<string, ReadOnlyMemory<byte>, Task<PutIfAbsentResult?>>? BeforePutIfAbsent { get; set; }

    public Func<string, Task<bool>>? HideOnHead { get; set; }

    public Func<string, Task>? BeforePut { get; set; }

    private int _putIfAbsentCalls;

    public int PutIfAbsentCalls => Volatile.Read(ref _putIfAbsentCalls);

    public string Describe(string key) => inner.Describe(key);

    public async Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken) =>
        HideOnHead is not null && await HideOnHead(key) ? null : await inner.HeadAsync(key, cancellationToken);

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

    public Task<ReadOnlyMemory<byte>> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken) =>
        inner.ReadRangeAsync(key, offset, length, cancellationToken);

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        if (BeforePut is not null)
        {
            await BeforePut(key);
        }

        await inner.PutAsync(key, content, cancellationToken);
    }

    public async Task<PutIfAbsentResult> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _putIfAbsentCalls);
        if (BeforePutIfAbsent is not null && await BeforePutIfAbsent(key, content) is { } shortCircuit)
        {
            return shortCircuit;
        }

        return await inner.PutIfAbsentAsync(key, content, cancellationToken);
    }

    /// <summary>The startAfter argument of every listing, in order.</summary>
    public List<string?> ListStarts { get; } = [];

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, string? startAfter, CancellationToken cancellationToken)
    {
        lock (ListStarts)
        {
            ListStarts.Add(startAfter);
        }

        return inner.ListAsync(prefix, startAfter, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);
}
