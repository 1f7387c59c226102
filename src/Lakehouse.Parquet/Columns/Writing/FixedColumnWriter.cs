using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lakehouse.Parquet.Compression;
using Lakehouse.Parquet.Data;
using Lakehouse.Parquet.Encodings;
using Lakehouse.Parquet.Meta;
using Lakehouse.Parquet.Schema;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>
/// INT32, INT64, FLOAT and DOUBLE leaves: dictionary (keyed by value bits) with PLAIN fallback; min/max ignore NaN,
/// which are counted instead (<see cref="ColumnChunkWriter.FileNaNCount"/>).
/// </summary>
internal sealed class FixedColumnWriter<T> : ColumnChunkWriter
    where T : unmanaged, INumber<T>
{
    private readonly GrowableBuffer<T> _scratch = new();
    private readonly GrowableBuffer<T> _plain = new();
    private readonly RunBuffer _indices = new();
    private readonly GrowableBuffer<T> _dictionary = new();
    private readonly LongIndexMap _map = new();
    private bool _dictionaryActive;
    private bool _hasChunkStats;
    private T _chunkMin;
    private T _chunkMax;
    private bool _hasFileStats;
    private T _fileMin;
    private T _fileMax;
    private long _fileNaNs;

    public FixedColumnWriter(ColumnDescriptor column, ParquetWriterOptions options, IPageCodec codec)
        : base(column, options, codec)
    {
        _dictionaryActive = options.EnableDictionary;
    }

    private static int Size => Unsafe.SizeOf<T>();

    protected override int PageValueBytes => _dictionaryActive ? _indices.Count * 2 : _plain.Count * Size;

    protected override bool DictionaryActive => _dictionaryActive;

    protected override bool DictionaryFull => (long)_dictionary.Count * Size > Options.DictionaryPageSizeLimit;

    protected override int DictionaryCount => _dictionary.Count;

    protected override long DictionaryBytes => (long)_dictionary.Count * Size;

    public override long FileNaNCount => _fileNaNs;

    protected override void AddValues(ColumnVector vector, ReadOnlySpan<int> indices)
    {
        _scratch.Clear();
        _scratch.Ensure(indices.Length);
        var values = _scratch.Array.AsSpan(0, indices.Length);
        switch (vector)
        {
            case DecimalVector dv:
                var dec = dv.Values;
                for (var i = 0; i < indices.Length; i++)
                {
                    values[i] = T.CreateTruncating(dec[indices[i]]);
                }

                break;
            case PrimitiveVector<T> pv:
                var src = pv.Values;
                for (var i = 0; i < indices.Length; i++)
                {
                    values[i] = src[indices[i]];
                }

                break;
            default:
                throw WrongVector(vector);
        }

        AddSpan(values);
    }

    protected override void AddRange(ColumnVector vector, int start, int count)
    {
        switch (vector)
        {
            case DecimalVector dv:
                _scratch.Clear();
                _scratch.Ensure(count);
                var values = _scratch.Array.AsSpan(0, count);
                var dec = dv.Values.Slice(start, count);
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = T.CreateTruncating(dec[i]);
                }

                AddSpan(values);
                break;
            case PrimitiveVector<T> pv:
                AddSpan(pv.Values.Slice(start, count));
                break;
            default:
                throw WrongVector(vector);
        }
    }

    private ParquetFormatException WrongVector(ColumnVector vector) =>
        new($"Column '{Column.DottedPath}' has vector {vector.GetType().Name}, which cannot be written as {typeof(T).Name}.");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddSpan(ReadOnlySpan<T> values)
    {
        RawBytes += (long)values.Length * Size;

        // A run of one value (constant columns such as an ingestion time): statistics from one value, one probe, one
        // RLE run of indices. Compared by bits, so -0.0 and +0.0 (equal as numbers) stay distinct entries.
        var one = IsOneValue(values);
        UpdateStatistics(one ? values[..1] : values, one ? values.Length : 1);
        if (!_dictionaryActive)
        {
            _plain.AddRange(values);
        }
        else if (one)
        {
            _indices.AddRun(Lookup(values[0]), values.Length);
        }
        else
        {
            var target = _indices.Append(values.Length);
            for (var i = 0; i < values.Length; i++)
            {
                target[i] = Lookup(values[i]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Lookup(T value)
    {
        var index = _map.GetOrAdd(Bits(value), out var added);
        if (added)
        {
            _dictionary.Add(value);
        }

        return index;
    }

    private static bool IsOneValue(ReadOnlySpan<T> values)
    {
        if (values.IsEmpty)
        {
            return false;
        }

        if (Size == 4)
        {
            var ints = MemoryMarshal.Cast<T, int>(values);
            return ints.IndexOfAnyExcept(ints[0]) < 0;
        }

        var longs = MemoryMarshal.Cast<T, long>(values);
        return longs.IndexOfAnyExcept(longs[0]) < 0;
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

    /// <summary>Statistics of <paramref name="values"/>, each value repeated <paramref name="repeat"/> times (only &gt; 1 for a single value).</summary>
    private void UpdateStatistics(ReadOnlySpan<T> values, int repeat)
    {
        if (values.IsEmpty)
        {
            return;
        }

        T min;
        T max;
        if (typeof(T) == typeof(double) || typeof(T) == typeof(float))
        {
            long nans;
            if (typeof(T) == typeof(double))
            {
                nans = FixedStatistics.MinMaxIgnoringNaN(MemoryMarshal.Cast<T, double>(values), out var dmin, out var dmax);
                min = Unsafe.As<double, T>(ref dmin);
                max = Unsafe.As<double, T>(ref dmax);
            }
            else
            {
                nans = FixedStatistics.MinMaxIgnoringNaN(MemoryMarshal.Cast<T, float>(values), out var fmin, out var fmax);
                min = Unsafe.As<float, T>(ref fmin);
                max = Unsafe.As<float, T>(ref fmax);
            }

            _fileNaNs += nans * repeat;
            if (nans == values.Length)
            {
                return;
            }
        }
        else
        {
            FixedStatistics.MinMax(values, out min, out max);
        }

        if (!_hasChunkStats || min < _chunkMin)
        {
            _chunkMin = min;
        }

        if (!_hasChunkStats || max > _chunkMax)
        {
            _chunkMax = max;
        }

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

    protected override void AbandonDictionary()
    {
        var dictionary = _dictionary.Span;
        var indices = _indices.Materialized();
        _plain.Ensure(_plain.Count + indices.Length);
        var plain = _plain.Array.AsSpan(_plain.Count, indices.Length);
        for (var i = 0; i < indices.Length; i++)
        {
            plain[i] = dictionary[indices[i]];
        }

        _plain.Advance(indices.Length);
        _indices.Clear();
        _dictionary.Clear();
        _map.Clear();
        _dictionaryActive = false;
    }

    protected override ParquetEncoding EncodePageValues(GrowableBuffer<byte> output)
    {
        if (_dictionaryActive)
        {
            var width = BitPacking.BitWidth((ulong)Math.Max(0, _dictionary.Count - 1));
            output.Add((byte)width);
            _indices.Encode(width, output);
            _indices.Clear();
            return ParquetEncoding.RleDictionary;
        }

        output.AddRange(MemoryMarshal.AsBytes(_plain.Span));
        _plain.Clear();
        return ParquetEncoding.Plain;
    }

    protected override void StopDictionary() => _dictionaryActive = false;

    protected override void ReleaseBuffers()
    {
        _scratch.Dispose();
        _plain.Dispose();
        _indices.Dispose();
        _dictionary.Dispose();
        _map.Dispose();
    }

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
