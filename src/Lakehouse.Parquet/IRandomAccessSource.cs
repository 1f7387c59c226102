namespace Lakehouse.Parquet;

/// <summary>
/// Random read access to a Parquet file: a local file, an in-memory buffer, or ranged GETs on S3. The reader asks
/// for the footer first and then one range per column chunk it needs.
/// </summary>
public interface IRandomAccessSource
{
    /// <summary>Total size of the file in bytes.</summary>
    long Length { get; }

    /// <summary>A name for messages (path or URI).</summary>
    string Name { get; }

    /// <summary>Fills <paramref name="buffer"/> with the bytes at <paramref name="offset"/>; the range lies within <see cref="Length"/>.</summary>
    ValueTask ReadAsync(long offset, Memory<byte> buffer, CancellationToken ct);
}
