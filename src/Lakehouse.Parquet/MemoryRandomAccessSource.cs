namespace Lakehouse.Parquet;

/// <summary>A Parquet file held in memory.</summary>
public sealed class MemoryRandomAccessSource(ReadOnlyMemory<byte> data, string name = "memory") : IRandomAccessSource
{
    public long Length => data.Length;

    public string Name => name;

    public ValueTask ReadAsync(long offset, Memory<byte> buffer, CancellationToken ct)
    {
        if (offset < 0 || offset + buffer.Length > data.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"{name}: range {offset}+{buffer.Length} is outside the {data.Length} bytes.");
        }

        data.Slice((int)offset, buffer.Length).CopyTo(buffer);
        return ValueTask.CompletedTask;
    }
}
