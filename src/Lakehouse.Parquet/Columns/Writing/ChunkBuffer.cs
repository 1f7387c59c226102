using System.Buffers;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>
/// Encoded, compressed pages of one column chunk, held in pooled 1 MB segments until the row group is written
/// (so memory grows with compressed bytes, and no large contiguous array is ever reallocated).
/// </summary>
internal sealed class ChunkBuffer : IDisposable
{
    private const int SegmentSize = 1 << 20;
    private readonly List<byte[]> _segments = [];
    private int _lastUsed = SegmentSize;

    public long Length { get; private set; }

    public void Write(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_lastUsed == SegmentSize)
            {
                _segments.Add(ArrayPool<byte>.Shared.Rent(SegmentSize));
                _lastUsed = 0;
            }

            var n = Math.Min(SegmentSize - _lastUsed, data.Length);
            data[..n].CopyTo(_segments[^1].AsSpan(_lastUsed));
            _lastUsed += n;
            Length += n;
            data = data[n..];
        }
    }

    public void CopyTo(Stream output)
    {
        for (var i = 0; i < _segments.Count; i++)
        {
            var n = i == _segments.Count - 1 ? _lastUsed : SegmentSize;
            output.Write(_segments[i], 0, n);
        }
    }

    public void Clear()
    {
        foreach (var s in _segments)
        {
            ArrayPool<byte>.Shared.Return(s);
        }

        _segments.Clear();
        _lastUsed = SegmentSize;
        Length = 0;
    }

    public void Dispose() => Clear();
}
