using System.Buffers;
using System.Buffers.Binary;
using Lakehouse.Parquet.Compression;
using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Encodings;
using Lakehouse.Parquet.Meta;
using Lakehouse.Parquet.Schema;

namespace Lakehouse.Parquet.Columns.Reading;

/// <summary>
/// Decodes the pages of one column chunk (dictionary, data v1 and v2; index pages skipped) into levels and dense
/// values. Every size read from the file is checked against the bytes present before it drives an allocation.
/// </summary>
internal sealed class ColumnChunkReader
{
    private const int MinLevelsPerPageCap = 1 << 22;
    private readonly ColumnDescriptor _column;
    private readonly IPageCodec _codec;
    private readonly CompressionCodec _codecId;
    private readonly string _file;
    private readonly ValueDecoder _decoder;
    private int[] _levelScratch = new int[1024];

    public ColumnChunkReader(ColumnDescriptor column, IPageCodec codec, CompressionCodec codecId, string file)
    {
        _column = column;
        _codec = codec;
        _codecId = codecId;
        _file = file;
        _decoder = new ValueDecoder(column);
    }

    /// <summary>Decodes <paramref name="length"/> bytes of <paramref name="chunk"/>, which starts at file offset <paramref name="fileOffset"/>.</summary>
    public LeafData Read(byte[] chunk, int length, long fileOffset, long expectedLevels)
    {
        var def = _column.MaxDef > 0 ? new GrowBytes() : null;
        var rep = _column.MaxRep > 0 ? new GrowBytes() : null;
        var values = ColumnVector.Create(_column.Type, (int)Math.Clamp(Math.Min(expectedLevels, (long)length * 64), 16, 1 << 24));
        ColumnVector? dictionary = null;
        var levels = 0L;
        var pos = 0;
        var page = 0;
        while (pos < length && levels < expectedLevels)
        {
            var headerStart = pos;
            try
            {
                var thrift = new ThriftCompactReader(chunk, pos, length - pos);
                var header = PageHeader.Read(thrift);
                pos = thrift.Position;
                if (header.CompressedPageSize < 0 || header.CompressedPageSize > length - pos)
                {
                    throw new InvalidDataException($"Page claims {header.CompressedPageSize} compressed bytes, {length - pos} remain in the column chunk.");
                }

                var body = chunk.AsSpan(pos, header.CompressedPageSize);
                pos += header.CompressedPageSize;
                switch (header.Type)
                {
                    case PageType.DictionaryPage:
                        dictionary = ReadDictionary(header, body);
                        break;
                    case PageType.DataPage:
                        levels += ReadDataPageV1(header, body, def, rep, values, dictionary, expectedLevels - levels);
                        break;
                    case PageType.DataPageV2:
                        levels += ReadDataPageV2(header, body, def, rep, values, dictionary, expectedLevels - levels);
                        break;
                    default:
                        break;
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or ThriftException or NotSupportedException or ArgumentException or IndexOutOfRangeException or InvalidCastException or OverflowException)
            {
                throw new ParquetFormatException(
                    $"{_file}: column '{_column.DottedPath}', page {page} at file offset {fileOffset + headerStart}: {ex.Message} The file is corrupt or uses an unsupported feature; rewrite it with a standard writer.", ex);
            }

            page++;
        }

        if (levels != expectedLevels)
        {
            throw new ParquetFormatException(
                $"{_file}: column '{_column.DottedPath}' at file offset {fileOffset}: the column chunk holds {levels} values but the footer says {expectedLevels}. The file is truncated or corrupt.");
        }

        return new LeafData(def?.ToArray(), rep?.ToArray(), (int)levels, values);
    }

    private ColumnVector ReadDictionary(PageHeader header, ReadOnlySpan<byte> body)
    {
        var dh = header.DictionaryPageHeader ?? throw new InvalidDataException("Dictionary page without a dictionary page header.");
        if (dh.NumValues < 0 || dh.NumValues > (long)header.UncompressedPageSize * 8 + 8)
        {
            throw new InvalidDataException($"Dictionary page claims {dh.NumValues} values in {header.UncompressedPageSize} bytes.");
        }

        var rented = Decompress(body, header.UncompressedPageSize, out var data);
        try
        {
            var dictionary = ColumnVector.Create(_column.Type, Math.Max(dh.NumValues, 1));
            _decoder.Decode(ParquetEncoding.Plain, data, dh.NumValues, dictionary, null);
            return dictionary;
        }
        finally
        {
            Return(rented);
        }
    }

    private int ReadDataPageV1(PageHeader header, ReadOnlySpan<byte> body, GrowBytes? def, GrowBytes? rep, ColumnVector values, ColumnVector? dictionary, long remaining)
    {
        var dh = header.DataPageHeader ?? throw new InvalidDataException("Data page without a data page header.");
        var n = CheckCount(dh.NumValues, header.UncompressedPageSize, remaining);
        var rented = Decompress(body, header.UncompressedPageSize, out var data);
        try
        {
            var offset = 0;
            if (rep is not null)
            {
                offset += ReadPrefixedLevels(data, dh.RepetitionLevelEncoding, _column.MaxRep, n, rep, null);
            }

            var present = n;
            if (def is not null)
            {
                offset += ReadPrefixedLevels(data[offset..], dh.DefinitionLevelEncoding, _column.MaxDef, n, def, c => present = c);
            }

            _decoder.Decode(dh.Encoding, data[offset..], present, values, dictionary);
            return n;
        }
        finally
        {
            Return(rented);
        }
    }

    private int ReadDataPageV2(PageHeader header, ReadOnlySpan<byte> body, GrowBytes? def, GrowBytes? rep, ColumnVector values, ColumnVector? dictionary, long remaining)
    {
        var dh = header.DataPageHeaderV2 ?? throw new InvalidDataException("Data page v2 without its header.");
        var n = CheckCount(dh.NumValues, header.UncompressedPageSize, remaining);
        var repLength = dh.RepetitionLevelsByteLength;
        var defLength = dh.DefinitionLevelsByteLength;
        if (repLength < 0 || defLength < 0 || (long)repLength + defLength > body.Length)
        {
            throw new InvalidDataException($"Level lengths ({repLength} + {defLength}) exceed the page's {body.Length} bytes.");
        }

        if (rep is not null)
        {
            DecodeLevels(body[..repLength], _column.MaxRep, n, rep);
        }

        var present = n;
        if (def is not null)
        {
            present = DecodeLevels(body.Slice(repLength, defLength), _column.MaxDef, n, def);
        }

        var compressedValues = body[(repLength + defLength)..];
        var uncompressedValues = header.UncompressedPageSize - repLength - defLength;
        byte[]? rented = null;
        ReadOnlySpan<byte> data;
        if (dh.IsCompressed && _codecId != CompressionCodec.Uncompressed)
        {
            rented = Decompress(compressedValues, uncompressedValues, out data);
        }
        else
        {
            data = compressedValues;
        }

        try
        {
            _decoder.Decode(dh.Encoding, data, present, values, dictionary);
            return n;
        }
        finally
        {
            Return(rented);
        }
    }

    private int ReadPrefixedLevels(ReadOnlySpan<byte> data, ParquetEncoding encoding, int max, int n, GrowBytes target, Action<int>? present)
    {
        if (encoding != ParquetEncoding.Rle)
        {
            throw new NotSupportedException($"Level encoding {encoding} is not supported (only RLE).");
        }

        if (data.Length < 4)
        {
            throw new InvalidDataException("Level data is missing its length prefix.");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (length < 0 || length > data.Length - 4)
        {
            throw new InvalidDataException($"Level data length {length} exceeds the page's {data.Length - 4} remaining bytes.");
        }

        var count = DecodeLevels(data.Slice(4, length), max, n, target);
        present?.Invoke(count);
        return 4 + length;
    }

    /// <summary>Decodes <paramref name="n"/> levels into <paramref name="target"/>; returns how many equal <paramref name="max"/>.</summary>
    private int DecodeLevels(ReadOnlySpan<byte> data, int max, int n, GrowBytes target)
    {
        if (_levelScratch.Length < n)
        {
            _levelScratch = new int[Math.Max(n, _levelScratch.Length * 2)];
        }

        var levels = _levelScratch.AsSpan(0, n);
        new RleBitPackedDecoder(data, BitPacking.BitWidth((ulong)max)).Decode(levels);
        var dst = target.Append(n);
        var atMax = 0;
        for (var i = 0; i < n; i++)
        {
            var l = levels[i];
            if ((uint)l > (uint)max)
            {
                throw new InvalidDataException($"Level {l} exceeds the column's maximum {max}.");
            }

            dst[i] = (byte)l;
            if (l == max)
            {
                atMax++;
            }
        }

        return atMax;
    }

    private static int CheckCount(int n, int uncompressedSize, long remaining)
    {
        var cap = Math.Max(MinLevelsPerPageCap, (long)uncompressedSize * 64);
        if (n < 0 || n > remaining || n > cap)
        {
            throw new InvalidDataException($"Page claims {n} values; {remaining} remain in the column chunk.");
        }

        return n;
    }

    private byte[]? Decompress(ReadOnlySpan<byte> body, int uncompressedSize, out ReadOnlySpan<byte> data)
    {
        if (_codecId == CompressionCodec.Uncompressed)
        {
            if (uncompressedSize != body.Length)
            {
                throw new InvalidDataException($"Uncompressed page holds {body.Length} bytes but its header says {uncompressedSize}.");
            }

            data = body;
            return null;
        }

        if (uncompressedSize < 0 || uncompressedSize > CodecFactory.MaxUncompressed(_codecId, body.Length))
        {
            throw new InvalidDataException($"Page claims {uncompressedSize} uncompressed bytes from {body.Length} compressed bytes, which {_codecId} cannot produce.");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(uncompressedSize, 1));
        try
        {
            _codec.Decompress(body, buffer.AsSpan(0, uncompressedSize));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        data = buffer.AsSpan(0, uncompressedSize);
        return buffer;
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>A growable byte list for levels.</summary>
    private sealed class GrowBytes
    {
        private byte[] _data = new byte[4096];
        private int _count;

        public Span<byte> Append(int n)
        {
            if (_count + n > _data.Length)
            {
                Array.Resize(ref _data, Math.Max(_count + n, _data.Length * 2));
            }

            var span = _data.AsSpan(_count, n);
            _count += n;
            return span;
        }

        public byte[] ToArray() => _data;
    }
}
