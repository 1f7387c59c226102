namespace Lakehouse.Parquet;

/// <summary>
/// Statistics of one leaf column (over a row group or a whole file). <paramref name="Min"/>/<paramref name="Max"/>
/// are in the canonical boxed form of <see cref="Data.ColumnVector.GetValue"/> and null when absent (all values null,
/// leaves under a list or map, or types without a meaningful order).
/// </summary>
/// <param name="Path">Leaf path, e.g. <c>["a", "b"]</c> for struct field <c>a.b</c>; list/map leaves use the Parquet path.</param>
/// <param name="Min">Smallest non-null value, or null.</param>
/// <param name="Max">Largest non-null value, or null.</param>
/// <param name="NullCount">Null values of the leaf (for nested leaves: levels that did not reach the leaf).</param>
/// <param name="ValueCount">Level entries of the leaf (rows for flat columns), nulls included.</param>
/// <param name="NaNCount">NaN values of a FLOAT or DOUBLE leaf (they are left out of min/max); 0 for other types.</param>
public sealed record ColumnStatistics(IReadOnlyList<string> Path, object? Min, object? Max, long NullCount, long ValueCount, long NaNCount = 0);
