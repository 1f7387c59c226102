namespace Lakehouse.Pipelines.Transforms.Rows;

/// <summary>The key columns' values of one row, compared with <see cref="ValueComparer"/>.</summary>
internal readonly struct RowKey : IEquatable<RowKey>
{
    private readonly object?[] _values;

    public RowKey(object?[] values)
    {
        _values = values;
    }

    public IReadOnlyList<object?> Values => _values;

    public static RowKey Of(object?[] row, int[] keyIndexes)
    {
        var values = new object?[keyIndexes.Length];
        for (var i = 0; i < keyIndexes.Length; i++)
        {
            values[i] = row[keyIndexes[i]];
        }

        return new RowKey(values);
    }

    public bool Equals(RowKey other)
    {
        if (_values.Length != other._values.Length)
        {
            return false;
        }

        for (var i = 0; i < _values.Length; i++)
        {
            if (!ValueComparer.Instance.Equals(_values[i], other._values[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var v in _values)
        {
            hash.Add(ValueComparer.Instance.GetHashCode(v));
        }

        return hash.ToHashCode();
    }

    public override string ToString() => "(" + string.Join(", ", _values.Select(v => v?.ToString() ?? "NULL")) + ")";
}
