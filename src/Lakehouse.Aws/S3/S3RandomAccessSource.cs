using Lakehouse.Parquet;

namespace Lakehouse.Aws.S3;

/// <summary>
/// A Parquet <see cref="IRandomAccessSource"/> over one S3 object: every read is one ranged GET streamed straight
/// into the caller's buffer. Create it with <see cref="S3ObjectStore.OpenRandomAccessAsync"/>.
/// </summary>
public sealed class S3RandomAccessSource : IRandomAccessSource
{
    private readonly S3ObjectStore _store;
    private readonly string _key;

    internal S3RandomAccessSource(S3ObjectStore store, string key, long length)
    {
        _store = store;
        _key = key;
        Length = length;
        Name = store.Describe(key);
    }

    /// <inheritdoc />
    public long Length { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async ValueTask ReadAsync(long offset, Memory<byte> buffer, CancellationToken ct)
    {
        if (offset < 0 || offset + buffer.Length > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"Range {offset}+{buffer.Length} lies outside {Name} ({Length} bytes).");
        }

        if (buffer.IsEmpty)
        {
            return;
        }

        var read = await _store.ReadIntoAsync(_key, offset, buffer, ct).ConfigureAwait(false);
        if (read != buffer.Length)
        {
            throw new Errors.AwsStorageException(
                $"{Name} returned {read} of {buffer.Length} bytes at offset {offset}; the object changed size since it was opened ({Length} bytes). Reopen it.",
                null,
                null);
        }
    }
}
