using System.Globalization;

namespace Lakehouse.Delta.Partitions;

/// <summary>One comparison of a partition column with constants (canonical boxed values, e.g. int, string, DateOnly).</summary>
public sealed record PartitionCondition(string Column, PartitionComparison Comparison, IReadOnlyList<object?> Values)
{
    /// <summary>True when the partition values of a file satisfy the condition (SQL semantics: null compares false).</summary>
    public bool Matches(IReadOnlyDictionary<string, object?> partitionValues)
    {
        ArgumentNullException.ThrowIfNull(partitionValues);
        partitionValues.TryGetValue(Column, out var actual);
        switch (Comparison)
        {
            case PartitionComparison.IsNull:
                return actual is null;
            case PartitionComparison.IsNotNull:
                return actual is not null;
            case PartitionComparison.In:
                return actual is not null && Values.Any(v => Compare(actual, v) == 0);
        }

        if (actual is null || Values.Count == 0 || Values[0] is null)
        {
            return false;
        }

        var c = Compare(actual, Values[0]);
        return Comparison switch
        {
            PartitionComparison.Equal => c == 0,
            PartitionComparison.NotEqual => c != 0,
            PartitionComparison.LessThan => c < 0,
            PartitionComparison.LessThanOrEqual => c <= 0,
            PartitionComparison.GreaterThan => c > 0,
            _ => c >= 0,
        };
    }

    private static int Compare(object actual, object? expected)
    {
        if (expected is null)
        {
            return 1;
        }

        if (actual is string s)
        {
            return string.CompareOrdinal(s, Convert.ToString(expected, CultureInfo.InvariantCulture));
        }

        if (actual.GetType() != expected.GetType() && actual is IConvertible && expected is IConvertible && actual is not DateTime)
        {
            expected = Convert.ChangeType(expected, actual.GetType(), CultureInfo.InvariantCulture);
        }

        return actual is IComparable comparable ? comparable.CompareTo(expected) : (Equals(actual, expected) ? 0 : 1);
    }

    public override string ToString()
    {
        string Lit(object? v) => v is string or DateOnly or DateTime ? $"'{PartitionValueCodec.Format(v, Parquet.Data.DataType.String)}'" : PartitionValueCodec.Format(v, Parquet.Data.DataType.String) ?? "NULL";
        return Comparison switch
        {
            PartitionComparison.IsNull => $"{Column} IS NULL",
            PartitionComparison.IsNotNull => $"{Column} IS NOT NULL",
            PartitionComparison.In => $"{Column} IN ({string.Join(", ", Values.Select(Lit))})",
            PartitionComparison.Equal => $"{Column} = {Lit(Values[0])}",
            PartitionComparison.NotEqual => $"{Column} != {Lit(Values[0])}",
            PartitionComparison.LessThan => $"{Column} < {Lit(Values[0])}",
            PartitionComparison.LessThanOrEqual => $"{Column} <= {Lit(Values[0])}",
            PartitionComparison.GreaterThan => $"{Column} > {Lit(Values[0])}",
            _ => $"{Column} >= {Lit(Values[0])}",
        };
    }
}
