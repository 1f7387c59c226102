namespace Lakehouse.Parquet.Data;

/// <summary>
/// Struct values as one child vector per field, all of the same <see cref="ColumnVector.Count"/>. To append a
/// row, append one entry to every child, then call <see cref="EndEntry"/>; <see cref="AppendNull"/> does both
/// (children get nulls so they stay aligned).
/// </summary>
public sealed class StructVector : ColumnVector
{
    private int _capacity;

    public StructVector(StructType type, int capacity = 16)
        : base(type)
    {
        StructType = type;
        Children = type.Fields.Select(f => Create(f.Type, capacity)).ToArray();
        _capacity = Math.Max(capacity, 1);
    }

    public StructType StructType { get; }

    public IReadOnlyList<ColumnVector> Children { get; }

    protected override int Capacity => _capacity;

    /// <summary>Closes the entry whose field values were appended to the children.</summary>
    public void EndEntry()
    {
        foreach (var child in Children)
        {
            if (child.Count != Count + 1)
            {
                throw new InvalidOperationException(
                    $"Struct field vector has {child.Count} entries, expected {Count + 1}: append exactly one value per field before EndEntry.");
            }
        }

        Grow();
        Count++;
    }

    public override void AppendNull()
    {
        foreach (var child in Children)
        {
            child.AppendNull();
        }

        Grow();
        SetNull(Count, true);
        Count++;
    }

    public override void AppendValue(object? value)
    {
        if (value is null)
        {
            AppendNull();
            return;
        }

        if (value is not IReadOnlyList<object?> fields || fields.Count != Children.Count)
        {
            throw new ArgumentException($"A struct value must be a list of {Children.Count} field values.", nameof(value));
        }

        for (var i = 0; i < Children.Count; i++)
        {
            Children[i].AppendValue(fields[i]);
        }

        EndEntry();
    }

    protected override object GetValueCore(int index)
    {
        var values = new object?[Children.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Children[i].GetValue(index);
        }

        return values;
    }

    public override void Clear()
    {
        base.Clear();
        foreach (var child in Children)
        {
            child.Clear();
        }
    }

    private void Grow()
    {
        if (Count + 1 > _capacity)
        {
            _capacity *= 2;
        }
    }
}
