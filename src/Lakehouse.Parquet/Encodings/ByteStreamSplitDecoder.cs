namespace Lakehouse.Parquet.Encodings;

/// <summary>BYTE_STREAM_SPLIT: byte k of every value is stored in stream k; this reassembles PLAIN little-endian values.</summary>
internal static class ByteStreamSplitDecoder
{
    public static void Decode(ReadOnlySpan<byte> data, int count, int width, Span<byte> destination)
    {
        if ((long)count * width > data.Length)
        {
            throw new InvalidDataException($"BYTE_STREAM_SPLIT needs {(long)count * width} bytes for {count} values, {data.Length} are present.");
        }

        // Streams are laid out over the page's full value count (data.Length / width), which may exceed count.
        var stride = data.Length / width;
        for (var k = 0; k < width; k++)
        {
            var stream = data.Slice(k * stride, count);
            for (var i = 0; i < count; i++)
            {
                destination[(i * width) + k] = stream[i];
            }
        }
    }
}
