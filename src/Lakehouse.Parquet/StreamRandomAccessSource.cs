namespace Lakehouse.Parquet;

/// <summary>A seekable stream; reads are serialized because a stream has one position.</summary>
public sealed class StreamRandomAccessSource(Stream stream, string name = "stream") : IRandomAccessSource, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public long Length { get; } = stream.CanSeek ? stream.Length : throw new ArgumentException("The stream must be seekable.", nameof(stream));

    public string Name => name;

    public async ValueTask ReadAsync(long offset, Memory<byte> buffer, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            stream.Position = offset;
            await stream.ReadExactlyAsync(buffer, ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Releases the gate; the stream stays open (the caller owns it).</summary>
    public void Dispose() => _gate.Dispose();
}
