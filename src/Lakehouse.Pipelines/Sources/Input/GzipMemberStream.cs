using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Lakehouse.Pipelines.Sources.Input;

/// <summary>
/// Decompresses gzip per RFC 1952, member by member: a file may hold several concatenated members
/// (<c>gzip -c a &gt;&gt; f; gzip -c b &gt;&gt; f</c>), and their contents follow one another. Every member's
/// header is parsed here, its deflate data inflated with <see cref="DeflateStream"/>, and its trailer checked
/// (CRC-32 and ISIZE against what was inflated), so a file cut anywhere — inside the deflate data, inside a trailer,
/// or inside a later member's header — throws <see cref="InvalidDataException"/> instead of ending early
/// (.NET's GZipStream ends silently on truncated input). Bytes after the last member that are not a gzip member are
/// refused too.
/// </summary>
/// <remarks>
/// DeflateStream reads its input in chunks and does not say how much of the last chunk it used, so the input goes
/// through a <see cref="RewindableInput"/> that remembers the last chunk: when a member's deflate data ends, its
/// trailer is the first place in that chunk where the 8 bytes equal the expected CRC-32 and ISIZE (a 64-bit match),
/// and the bytes after it are given back for the next member.
/// </remarks>
internal sealed class GzipMemberStream : Stream
{
    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;
    private const byte ReservedFlags = 0xE0;

    private readonly RewindableInput _input;
    private readonly Crc32 _crc = new();
    private DeflateStream? _member;
    private long _memberBytes;
    private long _totalBytes;
    private int _members;
    private bool _done;

    public GzipMemberStream(Stream compressed)
    {
        _input = new RewindableInput(compressed);
    }

    /// <summary>Members completely read so far.</summary>
    public int Members => _members;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _totalBytes; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (!_done)
        {
            if (_member is null && !await StartMemberAsync(cancellationToken))
            {
                _done = true;
                break;
            }

            var n = await _member!.ReadAsync(buffer, cancellationToken);
            if (n > 0)
            {
                _crc.Append(buffer.Span[..n]);
                _memberBytes += n;
                _totalBytes += n;
                return n;
            }

            await FinishMemberAsync(cancellationToken);
        }

        return 0;
    }

    /// <summary>Parses the next member's header; false at the end of the input after at least one member.</summary>
    private async Task<bool> StartMemberAsync(CancellationToken cancellationToken)
    {
        var header = new byte[10];
        var n = await _input.ReadExactlyOrEndAsync(header, cancellationToken);
        if (n == 0 && _members > 0)
        {
            return false;
        }

        if (n < 2 || header[0] != 0x1f || header[1] != 0x8b)
        {
            throw new InvalidDataException(_members == 0
                ? "the content does not start with a gzip header"
                : $"after gzip member {_members} ({_totalBytes} uncompressed bytes so far) come {n}+ bytes that are not a gzip member");
        }

        if (n < 10)
        {
            throw Truncated("inside a member header");
        }

        if (header[2] != 8 || (header[3] & ReservedFlags) != 0)
        {
            throw new InvalidDataException($"gzip member {_members + 1} uses compression method {header[2]} or reserved flags {header[3]:x2}; only deflate (8) is defined");
        }

        var flags = header[3];
        if ((flags & FlagExtra) != 0)
        {
            var lengthBytes = new byte[2];
            await ReadHeaderPartAsync(lengthBytes, cancellationToken);
            await ReadHeaderPartAsync(new byte[BinaryPrimitives.ReadUInt16LittleEndian(lengthBytes)], cancellationToken);
        }

        if ((flags & FlagName) != 0)
        {
            await SkipZeroTerminatedAsync(cancellationToken);
        }

        if ((flags & FlagComment) != 0)
        {
            await SkipZeroTerminatedAsync(cancellationToken);
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            await ReadHeaderPartAsync(new byte[2], cancellationToken);
        }

        _crc.Reset();
        _memberBytes = 0;
        _input.ForgetChunk();
        _member = new DeflateStream(_input, CompressionMode.Decompress, leaveOpen: true);
        return true;
    }

    /// <summary>The member's deflate data ended: find and check its trailer in the input's last chunk, give back what follows.</summary>
    private async Task FinishMemberAsync(CancellationToken cancellationToken)
    {
        await _member!.DisposeAsync();
        _member = null;
        await _input.ExtendChunkAsync(8, cancellationToken);
        var at = IndexOfTrailer(_input.Chunk.Span, _crc.GetCurrentHashAsUInt32(), unchecked((uint)_memberBytes));
        if (at < 0)
        {
            throw Truncated("before its trailer (or its CRC-32/length check failed)");
        }

        _input.GiveBack(at + 8);
        _members++;
    }

    private static int IndexOfTrailer(ReadOnlySpan<byte> chunk, uint crc, uint size)
    {
        Span<byte> expected = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(expected, crc);
        BinaryPrimitives.WriteUInt32LittleEndian(expected[4..], size);
        return chunk.IndexOf(expected);
    }

    private async Task ReadHeaderPartAsync(byte[] part, CancellationToken cancellationToken)
    {
        if (await _input.ReadExactlyOrEndAsync(part, cancellationToken) < part.Length)
        {
            throw Truncated("inside a member header");
        }
    }

    private async Task SkipZeroTerminatedAsync(CancellationToken cancellationToken)
    {
        var one = new byte[1];
        do
        {
            await ReadHeaderPartAsync(one, cancellationToken);
        }
        while (one[0] != 0);
    }

    private InvalidDataException Truncated(string where) =>
        new($"the gzip data is truncated or corrupt: member {_members + 1} ends {where} after {_totalBytes} uncompressed bytes");

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
            _member?.Dispose();
            _input.Dispose();
        }

        base.Dispose(disposing);
    }
}
