using Lakehouse.Parquet;

namespace Lakehouse.Delta.Storage;

/// <summary>
/// An <see cref="IRandomAccessSource"/> over one object of an <see cref="IObjectStore"/>: every read is one
/// <see cref="IObjectStore.ReadIntoAsync"/> (a ranged GET on S3, a positional read on disk) into the caller's buffer.
/// </summary>
public sealed class ObjectRandomAccessSource : IRandomAccessSource
{
    private readonly IObjectStore _store;
    private readonly string _key;

    private ObjectRandomAccessSource(IObjectStore store, string key, long length)
    {
        _store = store;
        _key = key;
        Length = length;
        Name = store.Describe(key);
    }

    public long Length { get; }

    public string Name { get; }

    /// <summary>Opens <paramref name="key"/>; <paramref name="knownLength"/> (from the log) saves a HEAD request.</summary>
    public static async Task<ObjectRandomAccessSource> OpenAsync(IObjectStore store, string key, long? knownLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var length = knownLength;
        if (length is null or <= 0)
        {
            var head = await store.HeadAsync(key, cancellationToken).ConfigureAwait(false) ?? throw new ObjectNotFoundException(store.Describe(key));
            length = head.Size;
        }

        return new ObjectRandomAccessSource(store, key, length.Value);
    }

    public async ValueTask ReadAsync(long offset, Memory<byte> buffer, CancellationToken ct)
    {
        var done = 0;
        while (done < buffer.Length)
        {
            var read = await _store.ReadIntoAsync(_key, offset + done, buffer[done..], ct).ConfigureAwait(false);
            if (read == 0)
            {
                throw new ObjectNotFoundException($"{Name} (range {offset + done}..{offset + buffer.Length} is beyond the end; the object changed or is truncated)");
            }

            done += read;
        }
    }
}
