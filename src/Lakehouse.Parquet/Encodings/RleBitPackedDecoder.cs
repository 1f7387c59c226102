namespace Lakehouse.Parquet.Encodings;

/// <summary>
/// Decodes the RLE/bit-packed hybrid encoding (levels, dictionary indices, RLE booleans). Input errors raise
/// <see cref="InvalidDataException"/>; the page reader adds the file and column.
/// </summary>
internal ref struct RleBitPackedDecoder
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _bitWidth;
    private int _pos;
    private int _rleRemaining;
    private int _rleValue;
    private int _packedRemaining;
    private long _packedBit;
    private int _packedStart;

    public RleBitPackedDecoder(ReadOnlySpan<byte> data, int bitWidth)
    {
        if (bitWidth is < 0 or > 32)
        {
            throw new InvalidDataException($"Bit width {bitWidth} is invalid (0 to 32).");
        }

        _data = data;
        _bitWidth = bitWidth;
    }

    /// <summary>Fills <paramref name="destination"/> completely or throws when the data runs out.</summary>
    public void Decode(Span<int> destination)
    {
        var i = 0;
        while (i < destination.Length)
        {
            if (_rleRemaining > 0)
            {
                var n = Math.Min(_rleRemaining, destination.Length - i);
                destination.Slice(i, n).Fill(_rleValue);
                _rleRemaining -= n;
                i += n;
            }
            else if (_packedRemaining > 0)
            {
                var n = Math.Min(_packedRemaining, destination.Length - i);
                var byteOffset = (int)(_packedBit >> 3);
                BitPacking.Unpack32(_data[(_packedStart + byteOffset)..], _bitWidth, destination.Slice(i, n), n);
                _packedBit += (long)n * _bitWidth;
                _packedRemaining -= n;
                i += n;
            }
            else
            {
                NextRun();
            }
        }
    }

    private void NextRun()
    {
        if (_pos >= _data.Length)
        {
            throw new InvalidDataException("RLE/bit-packed data ended before all values were read.");
        }

        var header = ReadVarUInt();
        if ((header & 1) == 1)
        {
            var groups = header >> 1;
            var bytes = groups * (ulong)_bitWidth;
            if (groups == 0 || bytes > (ulong)(_data.Length - _pos))
            {
                // Writers may truncate the final bit-packed run's padding; accept what is there.
                bytes = (ulong)(_data.Length - _pos);
                if (groups == 0)
                {
                    throw new InvalidDataException("Empty bit-packed run.");
                }
            }

            var values = _bitWidth == 0 ? (long)groups * 8 : (long)bytes * 8 / _bitWidth;
            _packedRemaining = (int)Math.Min(Math.Min(values, (long)groups * 8), int.MaxValue);
            if (_packedRemaining == 0)
            {
                throw new InvalidDataException("Bit-packed run has no data.");
            }

            _packedStart = _pos;
            _packedBit = 0;
            _pos += (int)bytes;
        }
        else
        {
            var count = header >> 1;
            if (count == 0 || count > int.MaxValue)
            {
                throw new InvalidDataException($"RLE run length {count} is invalid.");
            }

            var width = (_bitWidth + 7) / 8;
            if (_pos + width > _data.Length)
            {
                throw new InvalidDataException("RLE run value is truncated.");
            }

            var value = 0;
            for (var k = 0; k < width; k++)
            {
                value |= _data[_pos + k] << (8 * k);
            }

            _pos += width;
            _rleValue = value;
            _rleRemaining = (int)count;
        }
    }

    private ulong ReadVarUInt()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_pos >= _data.Length)
            {
                throw new InvalidDataException("Truncated varint in RLE/bit-packed data.");
            }

            var b = _data[_pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new InvalidDataException("Varint too long in RLE/bit-packed data.");
    }
}
