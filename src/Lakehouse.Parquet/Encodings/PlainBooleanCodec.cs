using System.Runtime.CompilerServices;

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Encode(ReadOnlySpan<bool> values, Span<byte> destination)
    {
        var bytes = (values.Length + 7) / 8;
        destination[..bytes].Clear();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i])
            {
                destination[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        return bytes;
    }
}
