using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Encodings;
using Lakehouse.Parquet.Meta;
using Lakehouse.Parquet.Schema;

namespace Lakehouse.Parquet.Columns.Reading;

/// <summary>Decodes a page's values (any supported encoding) and appends them to the column's dense vector.</summary>
internal sealed class ValueDecoder(ColumnDescriptor column)
{
    private readonly PhysicalConverter _converter = new(column);
    private int[] _indices = new int[1024];
    private long[] _longs = new long[1024];
    private bool[] _bools = new bool[1024];
    private byte[] _bytes = new byte[1024];

    public void Decode(ParquetEncoding encoding, ReadOnlySpan<byte> data, int count, ColumnVector target, ColumnVector? dictionary)
    {
        _converter.Target = target;
        if (count == 0)
        {
            return;
        }

        switch (encoding)
        {
            case ParquetEncoding.Plain:
                DecodePlain(data, count);
                break;
            case ParquetEncoding.PlainDictionary:
            case ParquetEncoding.RleDictionary:
                if (dictionary is null)
                {
                    throw new InvalidDataException("A dictionary-encoded page appears before any dictionary page.");
                }

                if (data.IsEmpty)
                {
                    throw new InvalidDataException("Dictionary-encoded page has no bit width byte.");
                }

                var indices = Rent(ref _indices, count);
                new RleBitPackedDecoder(data[1..], data[0]).Decode(indices);
                DictionaryGather.Gather(dictionary, indices, target);
                break;
            case ParquetEncoding.DeltaBinaryPacked:
                var n = DeltaBinaryPackedDecoder.PeekCount(data);
                if (n < count || n > count + 1024)
                {
                    throw new InvalidDataException($"DELTA_BINARY_PACKED holds {n} values, the page needs {count}.");
                }

                var longs = Rent(ref _longs, n);
                DeltaBinaryPackedDecoder.Decode(data, longs);
                if (column.Physical == PhysicalType.Int32)
                {
                    var ints = Rent(ref _indices, count);
                    for (var i = 0; i < count; i++)
                    {
                        ints[i] = (int)longs[i];
                    }

                    _converter.AppendInt32(ints);
                }
                else if (column.Physical == PhysicalType.Int64)
                {
                    _converter.AppendInt64(longs[..count]);
                }
                else
                {
                    throw new InvalidDataException($"DELTA_BINARY_PACKED is not valid for {column.Physical}.");
                }

                break;
            case ParquetEncoding.DeltaLengthByteArray:
                RequireByteArray(encoding);
                ByteArrayDecoders.DecodeDeltaLength(data, count, _converter);
                break;
            case ParquetEncoding.DeltaByteArray:
                RequireByteArray(encoding);
                ByteArrayDecoders.DecodeDeltaByteArray(data, count, _converter);
                break;
            case ParquetEncoding.ByteStreamSplit:
                var width = column.Physical switch
                {
                    PhysicalType.Int32 or PhysicalType.Float => 4,
                    PhysicalType.Int64 or PhysicalType.Double => 8,
                    PhysicalType.FixedLenByteArray => column.TypeLength,
                    _ => throw new InvalidDataException($"BYTE_STREAM_SPLIT is not valid for {column.Physical}."),
                };
                var plain = Rent(ref _bytes, checked(count * width));
                ByteStreamSplitDecoder.Decode(data, count, width, plain);
                DecodePlain(plain, count);
                break;
            case ParquetEncoding.Rle when column.Physical == PhysicalType.Boolean:
                if (data.Length < 4)
                {
                    throw new InvalidDataException("RLE boolean page is missing its length prefix.");
                }

                var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(data);
                if (length < 0 || length > data.Length - 4)
                {
                    throw new InvalidDataException($"RLE boolean length {length} exceeds the page.");
                }

                var bits = Rent(ref _indices, count);
                new RleBitPackedDecoder(data.Slice(4, length), 1).Decode(bits);
                var bools = Rent(ref _bools, count);
                for (var i = 0; i < count; i++)
                {
                    bools[i] = bits[i] != 0;
                }

                _converter.AppendBooleans(bools);
                break;
            default:
                throw new NotSupportedException($"Encoding {encoding} is not supported for {column.Physical} values.");
        }
    }

    private void DecodePlain(ReadOnlySpan<byte> data, int count)
    {
        switch (column.Physical)
        {
            case PhysicalType.Boolean:
                var bools = Rent(ref _bools, count);
                PlainBooleanCodec.Decode(data, count, bools);
                _converter.AppendBooleans(bools);
                break;
            case PhysicalType.ByteArray:
                ByteArrayDecoders.DecodePlain(data, count, _converter);
                break;
            case PhysicalType.FixedLenByteArray:
                ByteArrayDecoders.DecodeFixed(data, count, column.TypeLength, _converter);
                break;
            default:
                _converter.AppendPlainFixed(data, count);
                break;
        }
    }

    private void RequireByteArray(ParquetEncoding encoding)
    {
        if (column.Physical != PhysicalType.ByteArray)
        {
            throw new InvalidDataException($"{encoding} is not valid for {column.Physical}.");
        }
    }

    private static Span<T> Rent<T>(ref T[] buffer, int count)
    {
        if (buffer.Length < count)
        {
            buffer = new T[Math.Max(count, buffer.Length * 2)];
        }

        return buffer.AsSpan(0, count);
    }
}
