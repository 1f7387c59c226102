using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Lakehouse.Parquet.Encodings;

/// <summary>PLAIN booleans: one bit per value, LSB first.</summary>
internal static class PlainBooleanCodec
{
    public static void Decode(ReadOnlySpan<byte> data, int count, Span<bool> destination)
    {
        if ((count + 7) / 8 > data.Length)
        {
            throw new InvalidDataException($"PLAIN booleans: {count} values need {(count + 7) / 8} bytes, {data.Length} are present.");
        }

        for (var i = 0; i < count; i++)
        {
            destination[i] = (data[i >> 3] & (1 << (i & 7))) != 0;
        }
    }

    /// <summary>Packs <paramref name="values"/> into <paramref name="destination"/> (32 or 16 at a time where SIMD is available); returns the bytes written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Encode(ReadOnlySpan<bool> values, Span<byte> destination)
    {
        var bytes = (values.Length + 7) / 8;
        destination = destination[..bytes];
        var source = MemoryMarshal.AsBytes(values);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 32 <= source.Length; i += 32)
            {
                // Element k's bit is bit k of the mask: LSB-first, as PLAIN booleans are packed.
                var set = ~Vector256.Equals(Vector256.Create(source.Slice(i, 32)), Vector256<byte>.Zero);
                BinaryPrimitives.WriteUInt32LittleEndian(destination[(i >> 3)..], set.ExtractMostSignificantBits());
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 16 <= source.Length; i += 16)
            {
                var set = ~Vector128.Equals(Vector128.Create(source.Slice(i, 16)), Vector128<byte>.Zero);
                BinaryPrimitives.WriteUInt16LittleEndian(destination[(i >> 3)..], (ushort)set.ExtractMostSignificantBits());
            }
        }

        for (; i < source.Length; i += 8)
        {
            var packed = 0;
            var end = Math.Min(8, source.Length - i);
            for (var k = 0; k < end; k++)
            {
                packed |= (source[i + k] != 0 ? 1 : 0) << k;
            }

            destination[i >> 3] = (byte)packed;
        }

        return bytes;
    }
}
