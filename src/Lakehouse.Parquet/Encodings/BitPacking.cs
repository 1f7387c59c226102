using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Lakehouse.Parquet.Encodings;

/// <summary>Little-endian bit packing (LSB first), as used by the RLE/bit-packed hybrid and DELTA_BINARY_PACKED.</summary>
internal static class BitPacking
{
    /// <summary>Bits needed to represent <paramref name="maxValue"/>.</summary>
    public static int BitWidth(ulong maxValue) => maxValue == 0 ? 0 : 64 - System.Numerics.BitOperations.LeadingZeroCount(maxValue);

    /// <summary>Unpacks <paramref name="count"/> values of <paramref name="bitWidth"/> bits (≤ 32) from <paramref name="source"/>.</summary>
    public static void Unpack32(ReadOnlySpan<byte> source, int bitWidth, Span<int> destination, int count)
    {
        if (bitWidth == 0)
        {
            destination[..count].Clear();
            return;
        }

        var mask = bitWidth == 32 ? ulong.MaxValue >> 32 : (1UL << bitWidth) - 1;
        long bit = 0;
        for (var i = 0; i < count; i++)
        {
            destination[i] = (int)(ReadBits(source, bit) & mask);
            bit += bitWidth;
        }
    }

    /// <summary>Unpacks <paramref name="count"/> values of up to 64 bits.</summary>
    public static void Unpack64(ReadOnlySpan<byte> source, int bitWidth, Span<ulong> destination, int count)
    {
        if (bitWidth == 0)
        {
            destination[..count].Clear();
            return;
        }

        long bit = 0;
        for (var i = 0; i < count; i++)
        {
            var shift = (int)(bit & 7);
            var value = ReadBits(source, bit);
            if (shift + bitWidth > 64)
            {
                var index = (int)(bit >> 3) + 8;
                var extra = index < source.Length ? source[index] : (byte)0;
                value |= (ulong)extra << (64 - shift);
            }

            destination[i] = bitWidth == 64 ? value : value & ((1UL << bitWidth) - 1);
            bit += bitWidth;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadBits(ReadOnlySpan<byte> source, long bit)
    {
        var index = (int)(bit >> 3);
        var shift = (int)(bit & 7);
        if (index + 8 <= source.Length)
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(source.Slice(index, 8)) >> shift;
        }

        ulong v = 0;
        for (var k = 0; k < 8 && index + k < source.Length; k++)
        {
            v |= (ulong)source[index + k] << (8 * k);
        }

        return v >> shift;
    }

    /// <summary>Packs values of <paramref name="bitWidth"/> bits; writes <c>ceil(count * bitWidth / 8)</c> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Pack32(ReadOnlySpan<int> values, int bitWidth, Span<byte> destination)
    {
        var bytes = (int)(((long)values.Length * bitWidth + 7) / 8);
        if (bitWidth == 0)
        {
            return 0;
        }

        // Values enter a 64-bit accumulator LSB first; every full 32 bits leave as one little-endian store.
        ulong acc = 0;
        var bits = 0;
        var o = 0;
        var mask = bitWidth == 32 ? uint.MaxValue : (1U << bitWidth) - 1;
        foreach (var v in values)
        {
            acc |= (ulong)((uint)v & mask) << bits;
            bits += bitWidth;
            if (bits >= 32)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(destination[o..], (uint)acc);
                o += 4;
                acc >>= 32;
                bits -= 32;
            }
        }

        for (; bits > 0; bits -= 8)
        {
            destination[o++] = (byte)acc;
            acc >>= 8;
        }

        return bytes;
    }
}
