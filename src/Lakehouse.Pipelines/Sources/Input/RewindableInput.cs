namespace Lakehouse.Pipelines.Sources.Input;

/// <summary>
/// The compressed input of <see cref="GzipMemberStream"/>: a read-only stream that remembers the bytes it returned
/// since <see cref="ForgetChunk"/> was last called or since its last read (whichever is later: only the most recent
/// chunk is kept), and can give back the tail of that chunk so it is read again.
/// </summary>
internal sealed class RewindableInput(Stream inner) : Stream
{
    private byte[] _chunk = new byte[16 * 1024];
    private int _chunkLength;
    private byte[] _pending = [];
    private int _pendingStart;
    private int _pendingEnd;

    /// <summary>The bytes returned by the most recent read (plus any bytes added by <see cref="ExtendChunkAsync"/>).</summary>
    public ReadOnlyMemory<byte> Chunk => _chunk.AsMemory(0, _chunkLength);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public void ForgetChunk() => _chunkLength = 0;

    /// <summary>Reads more input onto the end of <see cref="Chunk"/> until it has <paramref name="extra"/> more bytes or the input ends.</summary>
    public async Task ExtendChunkAsync(int extra, CancellationToken cancellationToken)
    {
        EnsureChunkCapacity(_chunkLength + extra);
        var target = _chunkLength + extra;
        while (_chunkLength < target)
        {
            var n = await ReadRawAsync(_chunk.AsMemory(_chunkLength, target - _chunkLength), cancellationToken);
            if (n == 0)
            {
                break;
            }

            _chunkLength += n;
        }
    }

    /// <summary>Makes the bytes of <see cref="Chunk"/> from <paramref name="offset"/> on the next ones read.</summary>
    public void GiveBack(int offset)
    {
        var tail = _chunk.AsSpan(offset, _chunkLength - offset);
        var remaining = _pendingEnd - _pendingStart;
        var merged = new byte[tail.Length + remaining];
        tail.CopyTo(merged);
        _pending.AsSpan(_pendingStart, remaining).CopyTo(merged.AsSpan(tail.Length));
        _pending = merged;
        _pendingStart = 0;
        _pendingEnd = merged.Length;
        _chunkLength = 0;
    }

    /// <summary>Fills <paramref name="buffer"/> unless the input ends first; returns the bytes read.</summary>
    public async Task<int> ReadExactlyOrEndAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var n = await ReadAsync(buffer[filled..], cancellationToken);
            if (n == 0)
            {
                break;
            }

            filled += n;
        }

        return filled;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await ReadRawAsync(buffer, cancellationToken);
        EnsureChunkCapacity(n);
        buffer.Span[..n].CopyTo(_chunk);
        _chunkLength = n;
        return n;
    }

    private async ValueTask<int> ReadRawAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_pendingEnd > _pendingStart)
        {
            var n = Math.Min(buffer.Length, _pendingEnd - _pendingStart);
            _pending.AsSpan(_pendingStart, n).CopyTo(buffer.Span);
            _pendingStart += n;
            return n;
        }

        return await inner.ReadAsync(buffer, cancellationToken);
    }

    private void EnsureChunkCapacity(int length)
    {
        if (_chunk.Length < length)
        {
            Array.Resize(ref _chunk, Math.Max(length, _chunk.Length * 2));
        }
    }

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
}
