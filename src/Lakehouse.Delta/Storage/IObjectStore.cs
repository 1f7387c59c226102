namespace Lakehouse.Delta.Storage;

/// <summary>
/// A flat key/value object store: the only way the Delta layer touches bytes (filesystem, in-memory, S3).
/// Keys are '/'-separated paths relative to the store's root, never starting with '/'.
/// </summary>
/// <remarks>
/// Contract every implementation honours (delta-rs' ObjectStore contract):
/// <list type="bullet">
/// <item><see cref="PutAsync"/> makes the whole object visible atomically (readers never see a partial object).</item>
/// <item><see cref="PutIfAbsentAsync"/> is atomic mutual exclusion: of concurrent callers for one key exactly one gets
/// <see cref="PutIfAbsentResult.Created"/>, the others <see cref="PutIfAbsentResult.AlreadyExists"/>; an existing
/// object is never overwritten. "Already exists" is a value, not an exception.</item>
/// <item><see cref="ListAsync"/> is consistent (sees every completed put) and returns keys in ordinal (byte) order.</item>
/// <item><see cref="DeleteAsync"/> is idempotent: deleting a missing key succeeds.</item>
/// <item>A missing key on read throws <see cref="ObjectNotFoundException"/> naming the key.</item>
/// </list>
/// </remarks>
public interface IObjectStore
{
    /// <summary>A human-readable URI of the store root (for messages), e.g. <c>s3://lake/</c> or <c>file:///tmp/lake/</c>.</summary>
    string Describe(string key);

    /// <summary>Size, modification time and ETag of <paramref name="key"/>, or null when it does not exist.</summary>
    Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Opens the object for sequential reading. Throws <see cref="ObjectNotFoundException"/> when absent.</summary>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Reads <paramref name="length"/> bytes at <paramref name="offset"/> (fewer only at the end of the object).</summary>
    Task<ReadOnlyMemory<byte>> ReadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken);

    /// <summary>
    /// Reads up to <c>buffer.Length</c> bytes at <paramref name="offset"/> into <paramref name="buffer"/> and returns how
    /// many were read (fewer only at the end of the object). This is the Parquet reader's path (one call per column
    /// chunk); the default copies <see cref="ReadRangeAsync"/>, stores that can fill the caller's buffer directly
    /// (filesystem, S3) override it to save the copy.
    /// </summary>
    async ValueTask<int> ReadIntoAsync(string key, long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var chunk = await ReadRangeAsync(key, offset, buffer.Length, cancellationToken).ConfigureAwait(false);
        chunk.CopyTo(buffer);
        return chunk.Length;
    }

    /// <summary>Writes (or replaces) the object with everything read from <paramref name="content"/>, streamed.</summary>
    Task PutAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>Creates the object only if no object has that key (see the type's contract).</summary>
    Task<PutIfAbsentResult> PutIfAbsentAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Objects whose key starts with <paramref name="prefix"/>, in ordinal key order, strictly after <paramref name="startAfter"/> when given.</summary>
    IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, string? startAfter, CancellationToken cancellationToken);

    /// <summary>Deletes the object; succeeds when it is already gone.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
