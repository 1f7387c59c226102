namespace Lakehouse.Parquet.IO;

/// <summary>A write-only pass-through that counts bytes, so the writer knows offsets on non-seekable outputs.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    public long Position64 { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Position64;

    public override long Position
    {
        get => Position64;
        set => throw new NotSupportedException();
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        inner.Write(buffer, offset, count);
        Position64 += count;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Position64 += buffer.Length;
    }
}
