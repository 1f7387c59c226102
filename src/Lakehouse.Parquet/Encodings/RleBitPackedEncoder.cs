using System.Buffers;
using System.Runtime.CompilerServices;

namespace Lakehouse.Parquet.Encodings;

/// <summary>Encodes values with the RLE/bit-packed hybrid: runs of 8+ equal values as RLE, the rest bit-packed in groups of 8.</summary>
internal static class RleBitPackedEncoder
{
    /// <summary>Upper bound of the encoded size of <paramref name="count"/> values.</summary>
    public static int MaxEncodedSize(int count, int bitWidth) => (int)(((long)count * bitWidth + 7) / 8) + ((count / 8) + 2) * 6 + 16;

    /// <summary>Encodes <paramref name="values"/> into <paramref name="output"/>; returns the bytes written.</summary>
    public static int Encode(ReadOnlySpan<int> values, int bitWidth, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(MaxEncodedSize(values.Length, bitWidth));
        var written = Encode(values, bitWidth, span);
        output.Advance(written);
        return written;
    }

    /// <summary>Encodes <paramref name="count"/> copies of <paramref name="value"/> as one RLE run (nothing for zero copies); returns the bytes written.</summary>
    public static int EncodeRun(int value, int count, int bitWidth, IBufferWriter<byte> output)
    {
        if (count <= 0)
        {
            return 0;
        }

        var valueBytes = (bitWidth + 7) / 8;
        var span = output.GetSpan(10 + valueBytes);
        var o = WriteVarUInt(span, (ulong)count << 1);
        for (var k = 0; k < valueBytes; k++)
        {
            span[o++] = (byte)(value >> (8 * k));
        }

        output.Advance(o);
        return o;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Encode(ReadOnlySpan<int> values, int bitWidth, Span<byte> destination)
    {
        var o = 0;
        var i = 0;
        var n = values.Length;
        var valueBytes = (bitWidth + 7) / 8;
        Span<int> padded = stackalloc int[8];
        while (i < n)
        {
            var run = RunLength(values, i);
            if (run >= 8)
            {
                o += WriteVarUInt(destination[o..], (ulong)run << 1);
                var v = values[i];
                for (var k = 0; k < valueBytes; k++)
                {
                    destination[o++] = (byte)(v >> (8 * k));
                }

                i += run;
                continue;
            }

            // Bit-packed groups of 8 until a run of 8+ equal values starts (or the input ends).
            var start = i;
            do
            {
                i = Math.Min(i + 8, n);
            }
            while (i < n && !RunStarts(values, i));

            var count = i - start;
            var groups = (count + 7) / 8;
            o += WriteVarUInt(destination[o..], ((ulong)groups << 1) | 1);
            if (count % 8 == 0)
            {
                o += BitPacking.Pack32(values.Slice(start, count), bitWidth, destination[o..]);
            }
            else
            {
                var full = count / 8 * 8;
                o += BitPacking.Pack32(values.Slice(start, full), bitWidth, destination[o..]);
                padded.Clear();
                values.Slice(start + full, count - full).CopyTo(padded);
                o += BitPacking.Pack32(padded, bitWidth, destination[o..]);
            }
        }

        return o;
    }

    /// <summary>True when 8 or more equal values start at <paramref name="start"/> (the ends are checked first: most groups fail there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool RunStarts(ReadOnlySpan<int> values, int start) =>
        start + 8 <= values.Length
        && values[start + 7] == values[start]
        && values[start + 1] == values[start]
        && values.Slice(start, 8).IndexOfAnyExcept(values[start]) < 0;

    private static int RunLength(ReadOnlySpan<int> values, int start)
    {
        var v = values[start];
        var rest = values[start..];
        var different = rest.IndexOfAnyExcept(v);
        return different < 0 ? rest.Length : different;
    }

    private static int WriteVarUInt(Span<byte> destination, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }
}
