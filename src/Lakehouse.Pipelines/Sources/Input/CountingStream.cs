namespace Lakehouse.Pipelines.Sources.Input;

/// <summary>
/// Read-only wrapper over the raw (possibly compressed) object stream: serves a peeked prefix first, counts bytes,
/// and enforces the size limit.
/// </summary>
internal sealed class CountingStream(Stream inner, byte[] prefix, int prefixLength, long? maxBytes, string sourceUri) : Stream
{
    private int _prefixPosition;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = ServePrefix(buffer);
        if (n == 0)
        {
            n = inner.Read(buffer);
        }

        return Account(buffer[..n]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = ServePrefix(buffer.Span);
        if (n == 0)
        {
            n = await inner.ReadAsync(buffer, cancellationToken);
        }

        return Account(buffer.Span[..n]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int ServePrefix(Span<byte> buffer)
    {
        var n = Math.Min(prefixLength - _prefixPosition, buffer.Length);
        if (n <= 0)
        {
            return 0;
        }

        prefix.AsSpan(_prefixPosition, n).CopyTo(buffer);
        _prefixPosition += n;
        return n;
    }

    private int Account(ReadOnlySpan<byte> read)
    {
        BytesRead += read.Length;
        if (maxBytes is { } max && BytesRead > max)
        {
            throw new SourceFormatException(sourceUri, $"the file is larger than the source's limit of {max / (1024 * 1024)} MB (maxFileSizeMb).");
        }

        return read.Length;
    }
}
