namespace Lakehouse.Parquet.Encodings;

/// <summary>Decoders for byte-array encodings; each value is handed to a sink so no per-value arrays are allocated.</summary>
internal static class ByteArrayDecoders
{
    /// <summary>PLAIN BYTE_ARRAY: 4-byte little-endian length then the bytes, <paramref name="count"/> times.</summary>
    public static void DecodePlain(ReadOnlySpan<byte> data, int count, IByteArraySink sink)
    {
        var pos = 0;
        for (var i = 0; i < count; i++)
        {
            if (pos + 4 > data.Length)
            {
                throw new InvalidDataException($"PLAIN byte array {i} of {count}: length prefix is truncated.");
            }

            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(data[pos..]);
            pos += 4;
            if (length < 0 || length > data.Length - pos)
            {
                throw new InvalidDataException($"PLAIN byte array {i} of {count}: length {length} exceeds the {data.Length - pos} bytes that remain.");
            }

            sink.Add(data.Slice(pos, length));
            pos += length;
        }
    }

    /// <summary>PLAIN FIXED_LEN_BYTE_ARRAY.</summary>
    public static void DecodeFixed(ReadOnlySpan<byte> data, int count, int width, IByteArraySink sink)
    {
        if ((long)count * width > data.Length)
        {
            throw new InvalidDataException($"{count} fixed-length values of {width} bytes need more than the {data.Length} bytes present.");
        }

        for (var i = 0; i < count; i++)
        {
            sink.Add(data.Slice(i * width, width));
        }
    }

    /// <summary>DELTA_LENGTH_BYTE_ARRAY: delta-packed lengths, then all bytes back to back. Returns bytes consumed.</summary>
    public static int DecodeDeltaLength(ReadOnlySpan<byte> data, int count, IByteArraySink sink)
    {
        var n = DeltaBinaryPackedDecoder.PeekCount(data);
        if (n < count || n > count + 1024)
        {
            throw new InvalidDataException($"DELTA_LENGTH_BYTE_ARRAY holds {n} lengths, {count} values are needed.");
        }

        var lengths = new long[n];
        var pos = DeltaBinaryPackedDecoder.Decode(data, lengths);
        for (var i = 0; i < count; i++)
        {
            var length = lengths[i];
            if (length < 0 || length > data.Length - pos)
            {
                throw new InvalidDataException($"DELTA_LENGTH_BYTE_ARRAY value {i}: length {length} exceeds the remaining bytes.");
            }

            sink.Add(data.Slice(pos, (int)length));
            pos += (int)length;
        }

        return pos;
    }

    /// <summary>DELTA_BYTE_ARRAY (incremental/front coding): prefix lengths, then suffixes as DELTA_LENGTH_BYTE_ARRAY.</summary>
    public static void DecodeDeltaByteArray(ReadOnlySpan<byte> data, int count, IByteArraySink sink)
    {
        var n = DeltaBinaryPackedDecoder.PeekCount(data);
        if (n < count || n > count + 1024)
        {
            throw new InvalidDataException($"DELTA_BYTE_ARRAY holds {n} prefix lengths, {count} values are needed.");
        }

        var prefixes = new long[n];
        var pos = DeltaBinaryPackedDecoder.Decode(data, prefixes);
        var suffixes = new SuffixCollector(prefixes, count, sink);
        DecodeDeltaLength(data[pos..], count, suffixes);
    }

    private sealed class SuffixCollector(long[] prefixes, int count, IByteArraySink sink) : IByteArraySink
    {
        private byte[] _previous = new byte[64];
        private int _previousLength;
        private int _index;

        public void Add(ReadOnlySpan<byte> suffix)
        {
            var prefix = prefixes[_index];
            if (prefix < 0 || prefix > _previousLength)
            {
                throw new InvalidDataException($"DELTA_BYTE_ARRAY value {_index} of {count}: prefix length {prefix} exceeds the previous value's {_previousLength} bytes.");
            }

            var length = (int)prefix + suffix.Length;
            if (length > _previous.Length)
            {
                Array.Resize(ref _previous, Math.Max(length, _previous.Length * 2));
            }

            suffix.CopyTo(_previous.AsSpan((int)prefix));
            _previousLength = length;
            sink.Add(_previous.AsSpan(0, length));
            _index++;
        }
    }
}
