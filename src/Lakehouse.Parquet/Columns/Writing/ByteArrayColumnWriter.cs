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
    private readonly GrowableBuffer<int> _indices = new();
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
            var width = Column.TypeLength;
            foreach (var i in indices)
            {
                BinaryPrimitives.WriteInt128BigEndian(_decimalScratch, values[i]);
                Add(_decimalScratch.AsSpan(16 - width, width));
            }
        }
        else
        {
            throw new ParquetFormatException($"Column '{Column.DottedPath}' has vector {vector.GetType().Name}, which cannot be written as {Column.Physical}.");
        }
    }

    private void Add(ReadOnlySpan<byte> value)
    {
        RawBytes += value.Length + (_fixed ? 0 : 4);
        if (_dictionaryActive)
        {
            // A run of one value (constant columns such as a source file name, sorted or low-cardinality data): one
            // comparison with the previous value instead of hashing, probing and updating min/max, which it already did.
            if (_lastIndex >= 0 && value.SequenceEqual(_map.Get(_lastIndex)))
            {
                _indices.Add(_lastIndex);
                return;
            }

            _chunk.Update(value);
            _lastIndex = _map.GetOrAdd(value);
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
            RleBitPackedEncoder.Encode(_indices.Span, width, output);
            _indices.Clear();
            return ParquetEncoding.RleDictionary;
        }

        output.AddRange(_plain.Span);
        _plain.Clear();
        return ParquetEncoding.Plain;
    }

    protected override void StopDictionary() => _dictionaryActive = false;

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
