using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Lakehouse.Parquet.Compression;
using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Encodings;
using Lakehouse.Parquet.Meta;
using Lakehouse.Parquet.Schema;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>
/// BYTE_ARRAY (string, binary) and FIXED_LEN_BYTE_ARRAY (wide decimals) leaves: dictionary with PLAIN fallback.
/// Statistics order strings and binary by unsigned bytes and decimals numerically.
/// </summary>
internal sealed class ByteArrayColumnWriter : ColumnChunkWriter
{
    private const int MaxStatisticsBytes = 4096;
    private readonly GrowableBuffer<byte> _plain = new(64 * 1024);
    private readonly RunBuffer _indices = new();
    private readonly BytesIndexMap _map = new();
    private readonly bool _fixed;
    private readonly bool _decimal;
    private readonly byte[] _decimalScratch = new byte[16];
    private bool _dictionaryActive;
    private readonly MinMaxBytes _chunk;
    private int _lastIndex = -1;
    private readonly MinMaxBytes _file;

    public ByteArrayColumnWriter(ColumnDescriptor column, ParquetWriterOptions options, IPageCodec codec)
        : base(column, options, codec)
    {
        _fixed = column.Physical == PhysicalType.FixedLenByteArray;
        _decimal = column.Type is DecimalType;
        _dictionaryActive = options.EnableDictionary;
        _chunk = new MinMaxBytes(_decimal);
        _file = new MinMaxBytes(_decimal);
    }

    protected override int PageValueBytes => _dictionaryActive ? _indices.Count * 2 : _plain.Count;

    protected override bool DictionaryActive => _dictionaryActive;

    protected override bool DictionaryFull => _map.DataLength + (_fixed ? 0 : 4L * _map.Count) > Options.DictionaryPageSizeLimit;

    protected override int DictionaryCount => _map.Count;

    protected override long DictionaryBytes => _map.DataLength + (_fixed ? 0 : 4L * _map.Count);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void AddValues(ColumnVector vector, ReadOnlySpan<int> indices)
    {
        if (vector is BinaryVector bv)
        {
            var data = bv.Data;
            var offsets = bv.Offsets;
            foreach (var i in indices)
            {
                Add(data[offsets[i]..offsets[i + 1]]);
            }
        }
        else if (vector is DecimalVector dv)
        {
            var values = dv.Values;
            foreach (var i in indices)
            {
                AddDecimal(values[i]);
            }
        }
        else
        {
            throw WrongVector(vector);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void AddRange(ColumnVector vector, int start, int count)
    {
        if (vector is BinaryVector bv)
        {
            var data = bv.Data;
            var offsets = bv.Offsets.Slice(start, count + 1);
            if (_dictionaryActive && IsOneValue(data, offsets))
            {
                AddRepeated(data[offsets[0]..offsets[1]], count);
                return;
            }

            if (!_dictionaryActive && !_fixed)
            {
                AddPlainRange(data, offsets);
                return;
            }

            for (var i = 0; i < count; i++)
            {
                Add(data[offsets[i]..offsets[i + 1]]);
            }
        }
        else if (vector is DecimalVector dv)
        {
            foreach (var value in dv.Values.Slice(start, count))
            {
                AddDecimal(value);
            }
        }
        else
        {
            throw WrongVector(vector);
        }
    }

    private ParquetFormatException WrongVector(ColumnVector vector) =>
        new($"Column '{Column.DottedPath}' has vector {vector.GetType().Name}, which cannot be written as {Column.Physical}.");

    private void AddDecimal(Int128 value)
    {
        var width = Column.TypeLength;
        BinaryPrimitives.WriteInt128BigEndian(_decimalScratch, value);
        Add(_decimalScratch.AsSpan(16 - width, width));
    }

    /// <summary>
    /// True when all entries (<paramref name="offsets"/> has one more) are the same bytes: equal lengths, and the bytes
    /// after the first value repeat the bytes before the last one (one vectorized comparison).
    /// </summary>
    private static bool IsOneValue(ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets)
    {
        var count = offsets.Length - 1;
        var first = offsets[0];
        var end = offsets[count];
        var length = offsets[1] - first;
        if (end - first != (long)length * count)
        {
            return false;
        }

        for (var i = 2; i <= count; i++)
        {
            if (offsets[i] - offsets[i - 1] != length)
            {
                return false;
            }
        }

        return data[(first + length)..end].SequenceEqual(data[first..(end - length)]);
    }

    private void AddRepeated(ReadOnlySpan<byte> value, int count)
    {
        RawBytes += (long)(value.Length + (_fixed ? 0 : 4)) * count;
        _lastIndex = _map.GetOrAdd(value, out var added);
        if (added)
        {
            _chunk.Update(value);
        }

        _indices.AddRun(_lastIndex, count);
    }

    /// <summary>PLAIN values straight from a vector's buffers: one size check, then length prefix and bytes per value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddPlainRange(ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets)
    {
        var count = offsets.Length - 1;
        var bytes = offsets[count] - offsets[0];
        RawBytes += bytes + (4L * count);
        _chunk.UpdateUnsigned(data, offsets);

        // 16 bytes of slack: short values are copied with one 16-byte move (see below).
        _plain.Ensure(_plain.Count + bytes + (4 * count) + 16);
        var output = _plain.Array.AsSpan(_plain.Count);
        var o = 0;
        for (var i = 0; i < count; i++)
        {
            var start = offsets[i];
            var length = offsets[i + 1] - start;
            var value = data.Slice(start, length);
            BinaryPrimitives.WriteInt32LittleEndian(output[o..], length);
            if (length <= 16 && start + 16 <= data.Length)
            {
                // The bytes past the value are overwritten by the next one or lie past the buffer's count.
                data.Slice(start, 16).CopyTo(output.Slice(o + 4, 16));
            }
            else
            {
                value.CopyTo(output[(o + 4)..]);
            }

            o += 4 + length;
        }

        _plain.Advance(o);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(ReadOnlySpan<byte> value)
    {
        RawBytes += value.Length + (_fixed ? 0 : 4);
        if (_dictionaryActive)
        {
            // A run of one value (sorted or low-cardinality data): one comparison with the previous value instead of
            // hashing and probing.
            if (_lastIndex >= 0 && value.SequenceEqual(_map.Get(_lastIndex)))
            {
                _indices.Add(_lastIndex);
                return;
            }

            // Every value of the chunk is in the dictionary: min/max only need to see each entry once, when added.
            _lastIndex = _map.GetOrAdd(value, out var added);
            if (added)
            {
                _chunk.Update(value);
            }

            _indices.Add(_lastIndex);
            return;
        }

        _chunk.Update(value);
        AppendPlain(_plain, value);
    }

    private void AppendPlain(GrowableBuffer<byte> output, ReadOnlySpan<byte> value)
    {
        if (!_fixed)
        {
            BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), value.Length);
            output.Advance(4);
        }

        output.AddRange(value);
    }

    protected override ParquetEncoding EncodePageValues(GrowableBuffer<byte> output)
    {
        if (_dictionaryActive)
        {
            var width = BitPacking.BitWidth((ulong)Math.Max(0, _map.Count - 1));
            output.Add((byte)width);
            _indices.Encode(width, output);
            _indices.Clear();
            return ParquetEncoding.RleDictionary;
        }

        output.AddRange(_plain.Span);
        _plain.Clear();
        return ParquetEncoding.Plain;
    }

    protected override void StopDictionary() => _dictionaryActive = false;

    protected override void ReleaseBuffers()
    {
        _plain.Dispose();
        _indices.Dispose();
        _map.Dispose();
    }

    protected override void AbandonDictionary()
    {
        foreach (var index in _indices.Materialized())
        {
            AppendPlain(_plain, _map.Get(index));
        }

        _indices.Clear();
        _map.Clear();
        _lastIndex = -1;
        _dictionaryActive = false;
    }

    protected override void EncodeDictionary(GrowableBuffer<byte> output)
    {
        for (var i = 0; i < _map.Count; i++)
        {
            AppendPlain(output, _map.Get(i));
        }
    }

    protected override void ResetChunk()
    {
        _map.Clear();
        _lastIndex = -1;
        _dictionaryActive = Options.EnableDictionary;
        _file.Merge(_chunk);
        _chunk.Reset();
    }

    protected override Statistics? ChunkStatistics()
    {
        if (!_chunk.HasValue || _chunk.Min.Length > MaxStatisticsBytes || _chunk.Max.Length > MaxStatisticsBytes)
        {
            return null;
        }

        return new Statistics { MinValue = _chunk.Min.ToArray(), MaxValue = _chunk.Max.ToArray() };
    }

    public override (object? Min, object? Max) FileMinMax()
    {
        var merged = new MinMaxBytes(_decimal);
        merged.Merge(_file);
        merged.Merge(_chunk);
        return merged.HasValue ? (StatisticsValues.BoxBytes(Column, merged.Min), StatisticsValues.BoxBytes(Column, merged.Max)) : (null, null);
    }
}
