using System.IO.Compression;
using System.Text.Unicode;

namespace Lakehouse.Pipelines.Sources.Input;

/// <summary>
/// A refillable window over the decoded content with bounded memory: parsers work on <see cref="Data"/> (complete
/// records only), <see cref="Consume"/> what they used, and <see cref="FillAsync"/> moves the unconsumed tail to the
/// front and reads more. The window grows only when a single record does not fit, up to a maximum. Every byte read
/// is checked to be UTF-8 text without NUL bytes, so binary garbage fails early with its position.
/// </summary>
internal sealed class InputBuffer
{
    private readonly DecodedInput _input;
    private readonly int _maxBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _validatedEnd;
    private long _baseOffset;
    private long _validatedLines;

    public InputBuffer(DecodedInput input, int initialBytes, int maxBytes)
    {
        _input = input;
        _maxBytes = Math.Max(maxBytes, initialBytes);
        _buffer = new byte[initialBytes];
    }

    /// <summary>Unconsumed bytes; parsers may rewrite bytes in place (e.g. unescaping) only inside records they consume.</summary>
    public Span<byte> Data => _buffer.AsSpan(_start, _end - _start);

    public bool EndOfInput { get; private set; }

    /// <summary>Absolute offset (in the decoded content) of <c>Data[0]</c>.</summary>
    public long Position => _baseOffset + _start;

    /// <summary>Total decoded bytes read.</summary>
    public long BytesRead => _baseOffset + _end;

    public void Consume(int count) => _start += count;

    /// <summary>
    /// Reads more content after the unconsumed bytes. Returns false at the end of input (then <see cref="Data"/> is the
    /// final, possibly unterminated, record). <paramref name="line"/> names the record being read in errors.
    /// </summary>
    public async ValueTask<bool> FillAsync(long line, CancellationToken cancellationToken)
    {
        if (EndOfInput)
        {
            return false;
        }

        if (_start > 0)
        {
            var length = _end - _start;
            _buffer.AsSpan(_start, length).CopyTo(_buffer);
            _baseOffset += _start;
            _validatedEnd -= _start;
            _end = length;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxBytes)
            {
                throw new SourceFormatException(
                    _input.SourceUri,
                    $"a single record is longer than {_maxBytes / (1024 * 1024)} MB; this usually means an unclosed quote or a file that is not line-oriented text.",
                    line,
                    Position);
            }

            Array.Resize(ref _buffer, (int)Math.Min(_maxBytes, (long)_buffer.Length * 2));
        }

        int read;
        try
        {
            read = await _input.Content.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new SourceFormatException(_input.SourceUri, $"the gzip data is corrupt ({e.Message})", byteOffset: BytesRead, innerException: e);
        }

        _end += read;
        if (read == 0)
        {
            EndOfInput = true;
            Validate(final: true);
            return false;
        }

        Validate(final: false);
        return true;
    }

    /// <summary>Fills until at least <paramref name="bytes"/> are buffered or the input ends (the inference sample).</summary>
    public async ValueTask FillAtLeastAsync(int bytes, CancellationToken cancellationToken)
    {
        bytes = Math.Min(bytes, _maxBytes);
        if (_buffer.Length - _start < bytes)
        {
            var resized = new byte[Math.Max(bytes, _buffer.Length)];
            _buffer.AsSpan(_start, _end - _start).CopyTo(resized);
            _baseOffset += _start;
            _validatedEnd -= _start;
            _end -= _start;
            _start = 0;
            _buffer = resized;
        }

        while (!EndOfInput && _end - _start < bytes)
        {
            await FillAsync(1, cancellationToken);
        }
    }

    private void Validate(bool final)
    {
        var end = _end;
        if (!final)
        {
            // Validate up to the last ASCII byte so a multi-byte character split by the read is checked next time.
            var lastAscii = _buffer.AsSpan(_validatedEnd, _end - _validatedEnd).LastIndexOfAnyInRange((byte)0, (byte)0x7f);
            if (lastAscii < 0)
            {
                return;
            }

            end = _validatedEnd + lastAscii + 1;
        }

        var span = _buffer.AsSpan(_validatedEnd, end - _validatedEnd);
        var lines = LineScan.CountLinesBeforeNul(span, out var nul);
        if (nul >= 0 || !Utf8.IsValid(span))
        {
            var invalid = FirstInvalid(nul >= 0 ? span[..nul] : span);
            var bad = invalid >= 0 ? invalid : nul;
            var line = _validatedLines + span[..bad].Count((byte)'\n') + 1;
            var what = bad == nul ? "a NUL byte" : $"the byte 0x{span[bad]:x2}, which is not valid UTF-8";
            throw new SourceFormatException(_input.SourceUri, $"the content is not UTF-8 text: found {what}. Sources must be UTF-8 CSV or JSON lines.", line, _baseOffset + _validatedEnd + bad);
        }

        _validatedLines += lines;
        _validatedEnd = end;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> span)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(span, new char[span.Length], out var consumed, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : consumed;
    }
}
