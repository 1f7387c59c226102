using Lakehouse.Delta.Storage;

namespace Lakehouse.Pipelines.Tests.Transforms;

/// <summary>
/// An object store that "kills the process" (throws <see cref="OperationCanceledException"/>, which steps do not
/// catch or log) the next time a put-if-absent targets a key <see cref="CrashOn"/> accepts, then behaves normally.
/// </summary>
internal sealed class CrashingObjectStore(IObjectStore inner) : IObjectStore
{
    public Func<string, bool>? CrashOn { get; set; }

    public string Describe(string key) => inner.Describe(key);

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken) => inner.HeadAsync(key, cancellationToken);

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

    public Task<ReadOnlyMemory<byte>> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken) =>
        inner.ReadRangeAsync(key, offset, length, cancellationToken);

    public Task PutAsync(string key, Stream content, CancellationToken cancellationToken) => inner.PutAsync(key, content, cancellationToken);

    public Task<PutIfAbsentResult> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        if (CrashOn is { } crash && crash(key))
        {
            CrashOn = null;
            throw new OperationCanceledException($"simulated crash before writing {key}");
        }

        return inner.PutIfAbsentAsync(key, content, cancellationToken);
    }

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, string? startAfter, CancellationToken cancellationToken) =>
        inner.ListAsync(prefix, startAfter, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);
}
