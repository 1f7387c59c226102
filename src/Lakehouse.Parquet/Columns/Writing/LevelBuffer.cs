using System.Buffers;
using Lakehouse.Parquet.Encodings;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>
/// The definition or repetition levels of one open page. While every level appended is the same value (flat columns
/// without nulls, or all nulls) they are only counted and encoded as one RLE run; the first different level turns the
/// run into explicit entries.
/// </summary>
internal sealed class LevelBuffer
{
    private readonly GrowableBuffer<int> _levels = new();
    private int _runValue;
    private int _runCount;

    /// <summary>Level entries held.</summary>
    public int Count => _runCount + _levels.Count;

    /// <summary>Appends <paramref name="count"/> copies of <paramref name="level"/>.</summary>
    public void AddRun(int level, int count)
    {
        if (count <= 0)
        {
            return;
        }

        if (_levels.Count == 0 && (_runCount == 0 || _runValue == level))
        {
            _runValue = level;
            _runCount += count;
            return;
        }

        Materialize();
        _levels.Ensure(_levels.Count + count);
        _levels.Array.AsSpan(_levels.Count, count).Fill(level);
        _levels.Advance(count);
    }

    public void AddRange(ReadOnlySpan<int> levels)
    {
        if (levels.IsEmpty)
        {
            return;
        }

        Materialize();
        _levels.AddRange(levels);
    }

    /// <summary>RLE/bit-packed hybrid encoding of the levels into <paramref name="output"/>; returns the bytes written.</summary>
    public int Encode(int bitWidth, IBufferWriter<byte> output) =>
        _levels.Count == 0
            ? RleBitPackedEncoder.EncodeRun(_runValue, _runCount, bitWidth, output)
            : RleBitPackedEncoder.Encode(_levels.Span, bitWidth, output);

    public void Clear()
    {
        _levels.Clear();
        _runCount = 0;
    }

    private void Materialize()
    {
        if (_runCount > 0)
        {
            _levels.Ensure(_levels.Count + _runCount);
            _levels.Array.AsSpan(_levels.Count, _runCount).Fill(_runValue);
            _levels.Advance(_runCount);
            _runCount = 0;
        }
    }
}
