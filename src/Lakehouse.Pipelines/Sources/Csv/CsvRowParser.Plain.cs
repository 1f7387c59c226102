using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Lakehouse.Pipelines.Sources.Csv;

/// <summary>
/// The fused path for plain lines: where the bytes hold no quote character, a record is exactly the text up to the
/// next LF, CRLF or lone CR and its fields are the text between delimiters, all unquoted. Such lines are split and
/// converted in one pass, each field handed straight to its appender, with the same null, empty-value, rescue and
/// line-counting rules as the tokenizer path (a quote anywhere, even inside an unquoted field, sends that record to
/// the tokenizer).
/// </summary>
internal sealed partial class CsvRowParser
{
    /// <summary>How far ahead one search for the next quote looks: bounds rescanning when a batch fills before the data ends.</summary>
    private const int QuoteSearchWindow = 256 * 1024;

    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';

    private readonly byte _delimiter;
    private readonly byte _quote;
    private readonly bool _plainFastPath;

    /// <summary>
    /// Length of the run of whole plain records at <paramref name="offset"/>: the bytes up to the last line terminator
    /// before the next quote (or the end of the search window). <paramref name="quoteAt"/> caches where the last search
    /// stopped, so a file of quoted records is not searched again for every record. A CR that ends the data is left to
    /// the tokenizer unless <paramref name="final"/> (it may be the first half of a CRLF), and so is one whose LF lies
    /// past the search window.
    /// </summary>
    private int PlainLinesLength(ReadOnlySpan<byte> data, int offset, bool final, ref int quoteAt)
    {
        if (quoteAt < offset)
        {
            var window = data.Slice(offset, Math.Min(data.Length - offset, QuoteSearchWindow));
            var q = window.IndexOf(_quote);
            quoteAt = offset + (q < 0 ? window.Length : q);
        }

        var region = data[offset..quoteAt];
        var last = region.LastIndexOfAny(Lf, Cr);
        var next = offset + last + 1;
        if (last >= 0 && region[last] == Cr && (next == data.Length ? !final : data[next] == Lf))
        {
            // The CR is the first half of a CRLF cut by the search window, or may be one cut by the end of the data.
            last = region[..last].LastIndexOfAny(Lf, Cr);
        }

        return last + 1;
    }

    /// <summary>
    /// Parses whole plain records from <paramref name="region"/>, which ends with a line terminator and holds no quote,
    /// until it ends or the batch is full. Returns the bytes consumed; <paramref name="lineRef"/> advances one per record.
    /// Field ends come from a bit mask of the delimiters and line breaks of 32 bytes at a time (see
    /// <see cref="StructuralMask"/>), consumed in order: each set bit ends one field, or is an empty line, or is the LF
    /// of a CRLF.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ParsePlainLines(ReadOnlySpan<byte> region, BatchBuilder batch, ref long lineRef)
    {
        var line = lineRef;
        var delimiter = _delimiter;
        var appenders = batch.Appenders;
        var last = region.Length - 1;
        var room = batch.Capacity - batch.Rows;
        var pos = 0;
        var blockStart = 0;
        var mask = StructuralMask(region, 0, delimiter);
        while (pos <= last && room > 0)
        {
            var end = NextStructural(region, delimiter, ref blockStart, ref mask);
            var b = region[end];
            if (end == pos && b != delimiter)
            {
                // An empty line: LF, lone CR, or CRLF (whose LF is the next structural byte).
                pos = end + 1;
                if (b == Cr && pos <= last && region[pos] == Lf)
                {
                    NextStructural(region, delimiter, ref blockStart, ref mask);
                    pos++;
                }

                EmptyLines++;
                line++;
                continue;
            }

            var field = 0;
            while (true)
            {
                WriteField(appenders, field, region[pos..end], quoted: false);
                field++;
                pos = end + 1;
                if (b == delimiter)
                {
                    end = NextStructural(region, delimiter, ref blockStart, ref mask);
                    b = region[end];
                    continue;
                }

                if (b == Cr && pos <= last && region[pos] == Lf)
                {
                    NextStructural(region, delimiter, ref blockStart, ref mask);
                    pos++;
                }

                break;
            }

            EndRow(batch, field, line);
            line++;
            room--;
        }

        lineRef = line;
        return pos;
    }

    /// <summary>The position of the next delimiter or line break byte, taking it off <paramref name="mask"/> (loading later blocks as needed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextStructural(ReadOnlySpan<byte> region, byte delimiter, ref int blockStart, ref uint mask)
    {
        while (mask == 0)
        {
            blockStart += 32;
            mask = StructuralMask(region, blockStart, delimiter);
        }

        var at = blockStart + BitOperations.TrailingZeroCount(mask);
        mask &= mask - 1;
        return at;
    }

    /// <summary>Bit <c>k</c> set when <c>region[start + k]</c> is the delimiter, LF or CR (bytes past the region read as 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint StructuralMask(ReadOnlySpan<byte> region, int start, byte delimiter)
    {
        if (start + 32 <= region.Length && Vector128.IsHardwareAccelerated)
        {
            ref var at = ref Unsafe.Add(ref MemoryMarshal.GetReference(region), start);
            if (Vector256.IsHardwareAccelerated)
            {
                var v = Vector256.LoadUnsafe(ref at);
                return (Vector256.Equals(v, Vector256.Create(delimiter)) | Vector256.Equals(v, Vector256.Create(Lf)) | Vector256.Equals(v, Vector256.Create(Cr)))
                    .ExtractMostSignificantBits();
            }

            var lo = Vector128.LoadUnsafe(ref at);
            var hi = Vector128.LoadUnsafe(ref Unsafe.Add(ref at, 16));
            var l = Vector128.Equals(lo, Vector128.Create(delimiter)) | Vector128.Equals(lo, Vector128.Create(Lf)) | Vector128.Equals(lo, Vector128.Create(Cr));
            var h = Vector128.Equals(hi, Vector128.Create(delimiter)) | Vector128.Equals(hi, Vector128.Create(Lf)) | Vector128.Equals(hi, Vector128.Create(Cr));
            return l.ExtractMostSignificantBits() | (h.ExtractMostSignificantBits() << 16);
        }

        return StructuralMaskScalar(region, start, delimiter);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint StructuralMaskScalar(ReadOnlySpan<byte> region, int start, byte delimiter)
    {
        uint mask = 0;
        var end = Math.Min(region.Length, start + 32);
        for (var i = start; i < end; i++)
        {
            var b = region[i];
            if (b == delimiter || b == Lf || b == Cr)
            {
                mask |= 1u << (i - start);
            }
        }

        return mask;
    }
}
