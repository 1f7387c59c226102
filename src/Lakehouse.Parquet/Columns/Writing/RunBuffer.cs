using System.Buffers;
using System.Runtime.CompilerServices;
using Lakehouse.Parquet.Encodings;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>
/// Small integers bound for the RLE/bit-packed hybrid (the levels or dictionary indices of one open page). While every
/// value appended is the same (flat columns without nulls, all nulls, a constant column) they are only counted and
/// encoded as one RLE run; the first different value turns the run into explicit entries.
/// </summary>
internal sealed class RunBuffer : IDisposable
{
    private readonly GrowableBuffer<int> _values = new();
    private int _runValue;
    private int _runCount;

    /// <summary>Values held.</summary>
    public int Count => _runCount + _values.Count;

    /// <summary>Appends <paramref name="count"/> copies of <paramref name="value"/>.</summary>
    public void AddRun(int value, int count)
    {
        if (count <= 0)
        {
            return;
        }

        if (_values.Count == 0 && (_runCount == 0 || _runValue == value))
        {
            _runValue = value;
            _runCount += count;
            return;
        }

        Materialize();
        _values.Ensure(_values.Count + count);
        _values.Array.AsSpan(_values.Count, count).Fill(value);
        _values.Advance(count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int value)
    {
        if (_runCount > 0)
        {
            Materialize();
        }

        _values.Add(value);
    }

    /// <summary>Appends <paramref name="count"/> values for the caller to fill in.</summary>
    public Span<int> Append(int count)
    {
        Materialize();
        _values.Ensure(_values.Count + count);
        var span = _values.Array.AsSpan(_values.Count, count);
        _values.Advance(count);
        return span;
    }

    /// <summary>All values as explicit entries.</summary>
    public ReadOnlySpan<int> Materialized()
    {
        Materialize();
        return _values.Span;
    }

    public void AddRange(ReadOnlySpan<int> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        Materialize();
        _values.AddRange(values);
    }

    /// <summary>RLE/bit-packed hybrid encoding of the values into <paramref name="output"/>; returns the bytes written.</summary>
    public int Encode(int bitWidth, IBufferWriter<byte> output) =>
        _values.Count == 0
            ? RleBitPackedEncoder.EncodeRun(_runValue, _runCount, bitWidth, output)
            : RleBitPackedEncoder.Encode(_values.Span, bitWidth, output);

    public void Dispose()
    {
        _values.Dispose();
        _runCount = 0;
    }

    public void Clear()
    {
        _values.Clear();
        _runCount = 0;
    }

    private void Materialize()
    {
        if (_runCount > 0)
        {
            _values.Ensure(_values.Count + _runCount);
            _values.Array.AsSpan(_values.Count, _runCount).Fill(_runValue);
            _values.Advance(_runCount);
            _runCount = 0;
        }
    }
}
