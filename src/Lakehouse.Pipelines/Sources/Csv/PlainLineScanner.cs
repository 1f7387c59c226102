using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Lakehouse.Pipelines.Sources.Csv;

/// <summary>
/// The boundary scan's fast path: the longest prefix of whole plain records (no quote character; each ends at LF,
/// CRLF or a lone CR) in one vectorized pass that finds terminators, counts them and stops at a quote, instead of
/// separate searches, a count and a search per line. Records found this way are exactly the ones the tokenizer
/// would find, each with one line break.
/// </summary>
internal static class PlainLineScanner
{
    private const byte Lf = (byte)'\n';
    private const byte Cr = (byte)'\r';

    /// <summary>
    /// Length of the prefix of <paramref name="data"/> made of at most <paramref name="maxRecords"/> whole plain records;
    /// <paramref name="records"/> is how many. Stops before the record holding the first quote, and before a CR that
    /// ends <paramref name="data"/> (its LF may follow in data not read yet).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Scan(ReadOnlySpan<byte> data, byte quote, int maxRecords, out int records)
    {
        records = 0;
        var end = 0;
        var i = 0;
        if (maxRecords <= 0)
        {
            return 0;
        }

        if (Vector128.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(data);
            for (; i + 32 <= data.Length; i += 32)
            {
                var (lf, cr, q) = Masks(ref Unsafe.Add(ref start, i), quote);
                // A CR is a record end unless an LF follows it (then the LF ends the record); a CR ending the data is unknown.
                var nextIsLf = (lf >> 1) | (i + 32 < data.Length ? (Unsafe.Add(ref start, i + 32) == Lf ? 1u << 31 : 0) : 1u << 31);
                var unknownCr = i + 32 == data.Length ? cr & 0x8000_0000u : 0;
                var terminators = lf | (cr & ~nextIsLf);
                var stop = q | unknownCr;
                if (stop != 0)
                {
                    terminators &= (1u << BitOperations.TrailingZeroCount(stop)) - 1;
                }

                var count = BitOperations.PopCount(terminators);
                if (records + count >= maxRecords)
                {
                    for (var k = maxRecords - records; k > 1; k--)
                    {
                        terminators &= terminators - 1;
                    }

                    records = maxRecords;
                    return i + BitOperations.TrailingZeroCount(terminators) + 1;
                }

                if (count > 0)
                {
                    records += count;
                    end = i + 32 - BitOperations.LeadingZeroCount(terminators);
                }

                if (stop != 0)
                {
                    return end;
                }
            }
        }

        for (; i < data.Length; i++)
        {
            var b = data[i];
            if (b == quote)
            {
                break;
            }

            if (b == Cr)
            {
                if (i + 1 == data.Length)
                {
                    break;
                }

                if (data[i + 1] == Lf)
                {
                    continue;
                }
            }
            else if (b != Lf)
            {
                continue;
            }

            end = i + 1;
            if (++records == maxRecords)
            {
                break;
            }
        }

        return end;
    }

    /// <summary>Bit masks of LF, CR and quote bytes among the 32 bytes at <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (uint Lf, uint Cr, uint Quote) Masks(ref byte at, byte quote)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            var v = Vector256.LoadUnsafe(ref at);
            return (
                Vector256.Equals(v, Vector256.Create(Lf)).ExtractMostSignificantBits(),
                Vector256.Equals(v, Vector256.Create(Cr)).ExtractMostSignificantBits(),
                Vector256.Equals(v, Vector256.Create(quote)).ExtractMostSignificantBits());
        }

        var lo = Vector128.LoadUnsafe(ref at);
        var hi = Vector128.LoadUnsafe(ref Unsafe.Add(ref at, 16));
        return (
            Vector128.Equals(lo, Vector128.Create(Lf)).ExtractMostSignificantBits() | (Vector128.Equals(hi, Vector128.Create(Lf)).ExtractMostSignificantBits() << 16),
            Vector128.Equals(lo, Vector128.Create(Cr)).ExtractMostSignificantBits() | (Vector128.Equals(hi, Vector128.Create(Cr)).ExtractMostSignificantBits() << 16),
            Vector128.Equals(lo, Vector128.Create(quote)).ExtractMostSignificantBits() | (Vector128.Equals(hi, Vector128.Create(quote)).ExtractMostSignificantBits() << 16));
    }
}
