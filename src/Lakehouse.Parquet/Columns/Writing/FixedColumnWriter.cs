using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lakehouse.Parquet.Compression;
using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Encodings;
using Lakehouse.Parquet.Meta;
using Lakehouse.Parquet.Schema;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>INT32, INT64, FLOAT and DOUBLE leaves: dictionary (keyed by value bits) with PLAIN fallback; min/max ignore NaN.</summary>
internal sealed class FixedColumnWriter<T> : ColumnChunkWriter
    where T : unmanaged, INumber<T>
{
    private readonly GrowableBuffer<T> _scratch = new();
    private readonly GrowableBuffer<T> _plain = new();
    private readonly GrowableBuffer<int> _indices = new();
    private readonly GrowableBuffer<T> _dictionary = new();
    private readonly LongIndexMap _map = new();
    private bool _dictionaryActive;
    private bool _hasChunkStats;
    private T _chunkMin;
    private T _chunkMax;
    private bool _hasFileStats;
    private T _fileMin;
    private T _fileMax;

    public FixedColumnWriter(ColumnDescriptor column, ParquetWriterOptions options, IPageCodec codec)
        : base(column, options, codec)
    {
        _dictionaryActive = options.EnableDictionary;
    }

    private static int Size => Unsafe.SizeOf<T>();

    /// <summary>NaN values written to the file (FLOAT and DOUBLE; they are left out of min/max).</summary>
    public override long FileNaNCount { get; protected set; }

    protected override int PageValueBytes => _dictionaryActive ? _indices.Count * 2 : _plain.Count * Size;

    protected override bool DictionaryActive => _dictionaryActive;

    protected override bool DictionaryFull => (long)_dictionary.Count * Size > Options.DictionaryPageSizeLimit;

    protected override int DictionaryCount => _dictionary.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void AddValues(ColumnVector vector, ReadOnlySpan<int> indices)
    {
        _scratch.Clear();
        _scratch.Ensure(indices.Length);
        var values = _scratch.Array.AsSpan(0, indices.Length);
        Gather(vector, indices, values);
        RawBytes += (long)values.Length * Size;
        UpdateStatistics(values);
        if (_dictionaryActive)
        {
            _indices.Ensure(_indices.Count + values.Length);
            var target = _indices.Array.AsSpan(_indices.Count, values.Length);
            for (var i = 0; i < values.Length; i++)
            {
                var index = _map.GetOrAdd(Bits(values[i]), out var added);
                if (added)
                {
                    _dictionary.Add(values[i]);
                }

                target[i] = index;
            }

            _indices.Advance(values.Length);
        }
        else
        {
            _plain.AddRange(values);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Bits(T value)
    {
        if (Size == 4)
        {
            return Unsafe.As<T, int>(ref value);
        }

        return Unsafe.As<T, long>(ref value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gather(ColumnVector vector, ReadOnlySpan<int> indices, Span<T> destination)
    {
        switch (vector)
        {
            case DecimalVector dv:
                var dec = dv.Values;
                for (var i = 0; i < indices.Length; i++)
                {
                    destination[i] = T.CreateTruncating(dec[indices[i]]);
                }

                return;
            case PrimitiveVector<T> pv:
                var src = pv.Values;
                // Flat columns without nulls index a contiguous range (see Shredder): one block copy.
                if (indices.Length > 0 && indices[^1] - indices[0] == indices.Length - 1 && IsAscendingRun(indices))
                {
                    src.Slice(indices[0], indices.Length).CopyTo(destination);
                    return;
                }

                for (var i = 0; i < indices.Length; i++)
                {
                    destination[i] = src[indices[i]];
                }

                return;
            default:
                throw new ParquetFormatException($"Column has vector {vector.GetType().Name}, which cannot be written as {typeof(T).Name}.");
        }
    }

    /// <summary>True when each index is the previous plus one (checked only when the ends already say so).</summary>
    private static bool IsAscendingRun(ReadOnlySpan<int> indices)
    {
        for (var i = 1; i < indices.Length; i++)
        {
            if (indices[i] != indices[i - 1] + 1)
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateStatistics(ReadOnlySpan<T> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        var min = _hasChunkStats ? _chunkMin : values[0];
        var max = _hasChunkStats ? _chunkMax : values[0];
        var any = _hasChunkStats;
        foreach (var v in values)
        {
            if (T.IsNaN(v))
            {
                FileNaNCount++;
                continue;
            }

            if (!any || T.IsNaN(min))
            {
                min = v;
                max = v;
                any = true;
                continue;
            }

            if (v < min)
            {
                min = v;
            }
            else if (v > max)
            {
                max = v;
            }
        }

        if (!any)
        {
            return;
        }

        _chunkMin = min;
        _chunkMax = max;
        _hasChunkStats = true;
        if (!_hasFileStats || min < _fileMin)
        {
            _fileMin = min;
        }

        if (!_hasFileStats || max > _fileMax)
        {
            _fileMax = max;
        }

        _hasFileStats = true;
    }

    protected override ParquetEncoding EncodePageValues(GrowableBuffer<byte> output)
    {
        if (_dictionaryActive)
        {
            var width = BitPacking.BitWidth((ulong)Math.Max(0, _dictionary.Count - 1));
            output.Add((byte)width);
            RleBitPackedEncoder.Encode(_indices.Span, width, output);
            _indices.Clear();
            return ParquetEncoding.RleDictionary;
        }

        output.AddRange(MemoryMarshal.AsBytes(_plain.Span));
        _plain.Clear();
        return ParquetEncoding.Plain;
    }

    protected override void StopDictionary() => _dictionaryActive = false;

    protected override void EncodeDictionary(GrowableBuffer<byte> output) => output.AddRange(MemoryMarshal.AsBytes(_dictionary.Span));

    protected override void ResetChunk()
    {
        _dictionary.Clear();
        _map.Clear();
        _dictionaryActive = Options.EnableDictionary;
        _hasChunkStats = false;
    }

    protected override Statistics? ChunkStatistics()
    {
        if (!_hasChunkStats)
        {
            return null;
        }

        var min = _chunkMin;
        var max = _chunkMax;

        // parquet-format: a zero minimum is written as -0.0 and a zero maximum as +0.0.
        if (T.IsZero(min) && (typeof(T) == typeof(float) || typeof(T) == typeof(double)))
        {
            min = -T.Zero;
        }

        if (T.IsZero(max))
        {
            max = T.Zero;
        }

        var minBytes = MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in min)).ToArray();
        var maxBytes = MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in max)).ToArray();
        return new Statistics { MinValue = minBytes, MaxValue = maxBytes, LegacyMin = minBytes, LegacyMax = maxBytes };
    }

    public override (object? Min, object? Max) FileMinMax() =>
        _hasFileStats ? (StatisticsValues.Box(Column, _fileMin), StatisticsValues.Box(Column, _fileMax)) : (null, null);
}
