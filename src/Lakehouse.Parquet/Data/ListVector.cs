namespace Lakehouse.Parquet.Data;

/// <summary>
/// array values: <see cref="Elements"/> holds all elements back to back and entry <c>i</c> spans
/// <c>Offsets[i]..Offsets[i + 1]</c>. Append the elements to <see cref="Elements"/>, then call <see cref="EndEntry"/>.
/// </summary>
public sealed class ListVector : ColumnVector
{
    private int[] _offsets;

    public ListVector(ArrayType type, int capacity = 16)
        : base(type)
    {
        ArrayType = type;
        Elements = Create(type.ElementType, capacity);
        _offsets = new int[Math.Max(capacity, 1) + 1];
    }

    public ArrayType ArrayType { get; }

    public ColumnVector Elements { get; }

    public ReadOnlySpan<int> Offsets => _offsets.AsSpan(0, Count + 1);

    protected override int Capacity => _offsets.Length - 1;

    /// <summary>Closes the entry made of the elements appended since the previous entry.</summary>
    public void EndEntry()
    {
        EnsureEntry();
        Count++;
        _offsets[Count] = Elements.Count;
    }

    public override void AppendNull()
    {
        EnsureEntry();
        SetNull(Count, true);
        Count++;
        _offsets[Count] = Elements.Count;
    }

    public override void AppendValue(object? value)
    {
        switch (value)
        {
            case null:
                AppendNull();
                return;
            case System.Collections.IEnumerable items when value is not string:
                foreach (var item in items)
                {
                    Elements.AppendValue(item);
                }

                EndEntry();
                return;
            default:
                throw new ArgumentException("An array value must be a list.", nameof(value));
        }
    }

    protected override object GetValueCore(int index)
    {
        var list = new List<object?>(_offsets[index + 1] - _offsets[index]);
        for (var i = _offsets[index]; i < _offsets[index + 1]; i++)
        {
            list.Add(Elements.GetValue(i));
        }

        return list;
    }

    public override void Clear()
    {
        base.Clear();
        Elements.Clear();
        _offsets[0] = 0;
    }

    private void EnsureEntry()
    {
        if (Count + 2 > _offsets.Length)
        {
            Array.Resize(ref _offsets, _offsets.Length * 2);
        }
    }
}
