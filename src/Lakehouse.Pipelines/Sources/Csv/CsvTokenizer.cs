using System.Runtime.CompilerServices;

namespace Lakehouse.Pipelines.Sources.Csv;

/// <summary>
/// Splits UTF-8 CSV records (RFC 4180) without copying: fields are offsets into the record's bytes. Quoted fields
/// may hold delimiters and line breaks; a doubled quote (or, with a distinct escape character, escape+quote and
/// escape+escape) stands for itself and such fields are unescaped into a scratch buffer. Records end at LF, CRLF or
/// a lone CR. Text after a closing quote and before the next delimiter is kept as part of the value (lenient).
/// </summary>
internal sealed class CsvTokenizer
{
    /// <summary><see cref="ReadRecord"/> result: more bytes are needed to finish the record.</summary>
    public const int NeedMoreData = 0;

    /// <summary><see cref="ReadRecord"/> result: the input ended inside a quoted field.</summary>
    public const int UnclosedQuote = -1;

    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';
    private const byte InScratch = 2;
    private const byte Quoted = 1;

    private readonly byte _delimiter;
    private readonly byte _quote;
    private readonly byte _escape;
    private readonly bool[] _ends = new bool[256];
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private byte[] _flags = new byte[64];
    private byte[] _scratch = new byte[256];
    private int _scratchLength;

    public CsvTokenizer(char delimiter, char quote, char escape)
    {
        _delimiter = (byte)delimiter;
        _quote = (byte)quote;
        _escape = (byte)escape;
        _ends[_delimiter] = _ends[Lf] = _ends[Cr] = true;
    }

    /// <summary>Fields of the last record read.</summary>
    public int FieldCount { get; private set; }

    /// <summary>Physical line breaks in the last record, its terminator included.</summary>
    public int LineBreaks { get; private set; }

    /// <summary>True when the last record is an empty line (no bytes before its terminator).</summary>
    public bool IsEmptyLine => FieldCount == 1 && _lengths[0] == 0 && _flags[0] == 0;

    /// <summary>Field <paramref name="index"/> of the last record; <paramref name="record"/> is the span given to <see cref="ReadRecord"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Field(ReadOnlySpan<byte> record, int index) =>
        (_flags[index] & InScratch) != 0 ? _scratch.AsSpan(_starts[index], _lengths[index]) : record.Slice(_starts[index], _lengths[index]);

    /// <summary>True when field <paramref name="index"/> was quoted (a quoted empty string is not null).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsQuoted(int index) => (_flags[index] & Quoted) != 0;

    /// <summary>
    /// Reads one record from the start of <paramref name="data"/> (which must not be empty). Returns the bytes it
    /// spans including its terminator, <see cref="NeedMoreData"/> when the record continues past the data and
    /// <paramref name="final"/> is false, or <see cref="UnclosedQuote"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int ReadRecord(ReadOnlySpan<byte> data, bool final)
    {
        FieldCount = 0;
        LineBreaks = 0;
        _scratchLength = 0;
        var pos = 0;
        while (true)
        {
            if (pos >= data.Length)
            {
                if (!final)
                {
                    return NeedMoreData;
                }

                Add(pos, 0, 0);
                return pos;
            }

            if (data[pos] == _quote)
            {
                pos = ReadQuoted(data, pos, final);
                if (pos <= 0)
                {
                    return pos;
                }
            }
            else
            {
                var rel = FieldEnd(data, pos);
                if (rel < 0)
                {
                    if (!final)
                    {
                        return NeedMoreData;
                    }

                    Add(pos, data.Length - pos, 0);
                    return data.Length;
                }

                Add(pos, rel, 0);
                pos += rel;
            }

            if (pos >= data.Length)
            {
                return final ? pos : NeedMoreData;
            }

            var b = data[pos];
            if (b == _delimiter)
            {
                pos++;
                continue;
            }

            LineBreaks++;
            if (b == Lf)
            {
                return pos + 1;
            }

            if (pos + 1 >= data.Length)
            {
                return final ? pos + 1 : NeedMoreData;
            }

            return data[pos + 1] == Lf ? pos + 2 : pos + 1;
        }
    }

    /// <summary>
    /// Length of the unquoted field at <paramref name="start"/> (up to a delimiter or line break), or -1. Most fields
    /// are short, so a table-driven scalar scan of the first bytes beats starting a vectorized search.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FieldEnd(ReadOnlySpan<byte> data, int start)
    {
        var ends = _ends;
        var limit = Math.Min(data.Length, start + 24);
        for (var i = start; i < limit; i++)
        {
            if (ends[data[i]])
            {
                return i - start;
            }
        }

        if (limit == data.Length)
        {
            return -1;
        }

        var rel = data[limit..].IndexOfAny(_delimiter, Lf, Cr);
        return rel < 0 ? -1 : rel + limit - start;
    }

    /// <summary>Reads a quoted field starting at the opening quote; returns the position after it (at a delimiter, terminator or the end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadQuoted(ReadOnlySpan<byte> data, int open, bool final)
    {
        var contentStart = open + 1;
        var p = contentStart;
        var escaped = false;
        var distinctEscape = _escape != _quote;
        while (true)
        {
            var rel = distinctEscape ? data[p..].IndexOfAny(_quote, _escape) : data[p..].IndexOf(_quote);
            if (rel < 0)
            {
                return final ? UnclosedQuote : NeedMoreData;
            }

            p += rel;
            if (distinctEscape && data[p] == _escape)
            {
                if (p + 1 >= data.Length)
                {
                    return final ? UnclosedQuote : NeedMoreData;
                }

                escaped = true;
                p += 2;
                continue;
            }

            if (!distinctEscape)
            {
                if (p + 1 >= data.Length)
                {
                    if (!final)
                    {
                        return NeedMoreData;
                    }
                }
                else if (data[p + 1] == _quote)
                {
                    escaped = true;
                    p += 2;
                    continue;
                }
            }

            break;
        }

        var content = data[contentStart..p];
        if (content.IndexOfAny(Lf, Cr) >= 0)
        {
            LineBreaks += CountLineBreaks(content);
        }

        p++;
        var trailing = 0;
        if (p < data.Length && data[p] != _delimiter && data[p] != Lf && data[p] != Cr)
        {
            var rel = data[p..].IndexOfAny(_delimiter, Lf, Cr);
            if (rel < 0)
            {
                if (!final)
                {
                    return NeedMoreData;
                }

                rel = data.Length - p;
            }

            trailing = rel;
        }

        if (escaped || trailing > 0)
        {
            var start = _scratchLength;
            Unescape(content);
            data.Slice(p, trailing).CopyTo(Reserve(trailing));
            Add(start, _scratchLength - start, Quoted | InScratch);
        }
        else
        {
            Add(contentStart, content.Length, Quoted);
        }

        return p + trailing;
    }

    private void Unescape(ReadOnlySpan<byte> content)
    {
        var target = Reserve(content.Length);
        var n = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var b = content[i];
            if (b == _escape && i + 1 < content.Length && (content[i + 1] == _quote || content[i + 1] == _escape))
            {
                i++;
                b = content[i];
            }

            target[n++] = b;
        }

        _scratchLength -= content.Length - n;
    }

    private Span<byte> Reserve(int length)
    {
        if (_scratchLength + length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + length));
        }

        var span = _scratch.AsSpan(_scratchLength, length);
        _scratchLength += length;
        return span;
    }

    private static int CountLineBreaks(ReadOnlySpan<byte> content)
    {
        var count = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == Lf || (content[i] == Cr && (i + 1 == content.Length || content[i + 1] != Lf)))
            {
                count++;
            }
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(int start, int length, byte flags)
    {
        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, FieldCount * 2);
            Array.Resize(ref _lengths, FieldCount * 2);
            Array.Resize(ref _flags, FieldCount * 2);
        }

        _starts[FieldCount] = start;
        _lengths[FieldCount] = length;
        _flags[FieldCount] = flags;
        FieldCount++;
    }
}
