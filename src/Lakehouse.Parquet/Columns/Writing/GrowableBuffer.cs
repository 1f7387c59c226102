using System.Buffers;
using System.Runtime.CompilerServices;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>A reusable growable array of <typeparamref name="T"/> (page-sized scratch; kept across pages).</summary>
internal sealed class GrowableBuffer<T> : IBufferWriter<T>
{
    private T[] _items;

    public GrowableBuffer(int capacity = 1024)
    {
        _items = new T[Math.Max(capacity, 16)];
    }

    public int Count { get; private set; }

    public Span<T> Span => _items.AsSpan(0, Count);

    public T[] Array => _items;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Grow(Count + 1);
        }

        _items[Count++] = item;
    }

    public void AddRange(ReadOnlySpan<T> items)
    {
        Ensure(Count + items.Length);
        items.CopyTo(_items.AsSpan(Count));
        Count += items.Length;
    }

    public void Ensure(int capacity)
    {
        if (capacity > _items.Length)
        {
            Grow(capacity);
        }
    }

    public void Clear() => Count = 0;

    public void Advance(int count) => Count += count;

    public Memory<T> GetMemory(int sizeHint = 0)
    {
        Ensure(Count + Math.Max(sizeHint, 1));
        return _items.AsMemory(Count);
    }

    public Span<T> GetSpan(int sizeHint = 0)
    {
        Ensure(Count + Math.Max(sizeHint, 1));
        return _items.AsSpan(Count);
    }

    private void Grow(int min)
    {
        var next = (int)Math.Min(Math.Max((long)min, (long)_items.Length * 2), System.Array.MaxLength);
        System.Array.Resize(ref _items, next);
    }
}
