using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    /// <summary>Unquoted fields shorter than this are scanned byte by byte; longer ones continue with a vectorized search.</summary>
    private const int ScalarFieldBytes = 32;

    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';

    private readonly bool[] _fieldEnds = new bool[256];
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
    /// until it ends or the batch is full. Returns the bytes consumed; <paramref name="line"/> advances one per record.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ParsePlainLines(ReadOnlySpan<byte> region, BatchBuilder batch, ref long line)
    {
        ref var ends = ref MemoryMarshal.GetArrayDataReference(_fieldEnds);
        var delimiter = _delimiter;
        var appenders = batch.Appenders;
        var last = region.Length - 1;
        var pos = 0;
        while (pos <= last && !batch.IsFull)
        {
            var b = region[pos];
            if (b is Lf or Cr)
            {
                pos += b == Cr && pos < last && region[pos + 1] == Lf ? 2 : 1;
                EmptyLines++;
                line++;
                continue;
            }

            var field = 0;
            while (true)
            {
                // region[last] is a terminator, so the scan stops inside the region.
                var end = pos;
                var scalarEnd = Math.Min(pos + ScalarFieldBytes, last);
                while (end < scalarEnd && !Unsafe.Add(ref ends, region[end]))
                {
                    end++;
                }

                if (end == scalarEnd && !Unsafe.Add(ref ends, region[end]))
                {
                    end += region[end..].IndexOfAny(delimiter, Lf, Cr);
                }

                WriteField(appenders, field, region[pos..end], quoted: false);
                field++;
                b = region[end];
                pos = end + 1;
                if (b == delimiter)
                {
                    continue;
                }

                if (b == Cr && pos <= last && region[pos] == Lf)
                {
                    pos++;
                }

                break;
            }

            EndRow(batch, field, line);
            line++;
        }

        return pos;
    }
}
