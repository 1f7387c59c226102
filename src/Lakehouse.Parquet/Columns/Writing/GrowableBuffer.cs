using System.Buffers;
using System.Runtime.CompilerServices;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>
/// A reusable growable array of <typeparamref name="T"/> (page-sized scratch; kept across pages). Arrays come from
/// <see cref="ArrayPool{T}.Shared"/> and go back on growth and on <see cref="Dispose"/>: the many page buffers of a
/// writer grow through the same sizes, and the next writer in the process starts from warm memory instead of fresh
/// pages the kernel must zero. Spans over <see cref="Array"/> are valid only until the next call that may grow it.
/// </summary>
internal sealed class GrowableBuffer<T> : IBufferWriter<T>, IDisposable
{
    private T[] _items;

    public GrowableBuffer(int capacity = 1024)
    {
        _items = ArrayPool<T>.Shared.Rent(Math.Max(capacity, 16));
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

    /// <summary>Returns the array to the pool; the buffer is empty afterwards (and rents again if used).</summary>
    public void Dispose()
    {
        var items = _items;
        _items = [];
        Count = 0;
        Return(items);
    }

    private void Grow(int min)
    {
        var next = (int)Math.Min(Math.Max((long)min, (long)_items.Length * 2), System.Array.MaxLength);
        var bigger = ArrayPool<T>.Shared.Rent(next);
        _items.AsSpan(0, Count).CopyTo(bigger);
        var old = _items;
        _items = bigger;
        Return(old);
    }

    private static void Return(T[] items)
    {
        if (items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(items, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }
}
