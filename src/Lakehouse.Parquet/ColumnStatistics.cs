namespace Lakehouse.Parquet;

/// <summary>
/// Statistics of one leaf column (over a row group or a whole file). <paramref name="Min"/>/<paramref name="Max"/>
/// are in the canonical boxed form of <see cref="Data.ColumnVector.GetValue"/> and null when absent (all values null,
/// leaves under a list or map, or types without a meaningful order).
/// </summary>
/// <remarks>
/// In a <see cref="ParquetWriteResult"/> they cover every value written to the file: <paramref name="Min"/> and
/// <paramref name="Max"/> are exact (not truncated), ignore NaN (a FLOAT/DOUBLE leaf of only NaNs and nulls has none;
/// see <see cref="NaNCount"/>) and compare strings and binary as unsigned bytes, decimals numerically;
/// <paramref name="NullCount"/> counts the nulls of flat leaves (for nested leaves: level entries that did not reach
/// the leaf). Read from a footer (<see cref="ParquetFileReader"/>) they are what the writer of that file recorded.
/// </remarks>
/// <param name="Path">Leaf path, e.g. <c>["a", "b"]</c> for struct field <c>a.b</c>; list/map leaves use the Parquet path.</param>
/// <param name="Min">Smallest non-null value, or null.</param>
/// <param name="Max">Largest non-null value, or null.</param>
/// <param name="NullCount">Null values of the leaf (for nested leaves: levels that did not reach the leaf).</param>
/// <param name="ValueCount">Level entries of the leaf (rows for flat columns), nulls included.</param>
public sealed record ColumnStatistics(IReadOnlyList<string> Path, object? Min, object? Max, long NullCount, long ValueCount)
{
    /// <summary>
    /// NaN values written to a FLOAT or DOUBLE leaf (they are not nulls, and <see cref="Min"/>/<see cref="Max"/>
    /// ignore them); 0 for other types. Only the writer knows it: statistics read from a footer report 0, since
    /// Parquet footers do not record NaNs. Delta data skipping needs it: a column with NaNs must not be pruned by
    /// its min/max alone.
    /// </summary>
    public long NaNCount { get; init; }
}
