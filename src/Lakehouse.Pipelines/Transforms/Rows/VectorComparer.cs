using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Transforms.Rows;

/// <summary>
/// Orders two cells of (possibly different) vectors without boxing, with <see cref="ValueComparer"/>'s rules: NULL
/// first, integers across widths, floating point numerically, decimals by value, strings and binaries bytewise
/// (UTF-8 byte order, which is code point order). Other types take the boxed path.
/// </summary>
internal static class VectorComparer
{
    public static int Compare(ColumnVector? a, int i, ColumnVector? b, int j)
    {
        var aNull = a is null || a.IsNull(i);
        var bNull = b is null || b.IsNull(j);
        if (aNull || bNull)
        {
            return aNull ? (bNull ? 0 : -1) : 1;
        }

        return (a, b) switch
        {
            (Int64Vector x, Int64Vector y) => x.Values[i].CompareTo(y.Values[j]),
            (Int32Vector x, Int32Vector y) => x.Values[i].CompareTo(y.Values[j]),
            (Int64Vector x, Int32Vector y) => x.Values[i].CompareTo(y.Values[j]),
            (Int32Vector x, Int64Vector y) => ((long)x.Values[i]).CompareTo(y.Values[j]),
            (DoubleVector x, DoubleVector y) => x.Values[i].CompareTo(y.Values[j]),
            (BinaryVector x, BinaryVector y) => x.GetBytes(i).SequenceCompareTo(y.GetBytes(j)),
            (DecimalVector x, DecimalVector y) when x.DecimalType.Scale == y.DecimalType.Scale => x.Values[i].CompareTo(y.Values[j]),
            _ => ValueComparer.Instance.Compare(a!.GetValue(i), b!.GetValue(j)),
        };
    }
}
