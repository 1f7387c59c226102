using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Transforms.Rows;

/// <summary>
/// Orders and compares boxed cell values (the canonical forms of <see cref="ColumnVector.GetValue"/>) for keys and
/// sequence columns: NULL sorts first, integers compare across widths, strings ordinally, byte arrays by content.
/// </summary>
internal sealed class ValueComparer : IComparer<object?>, IEqualityComparer<object?>
{
    public static ValueComparer Instance { get; } = new();

    public int Compare(object? x, object? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var a0 = Normalize(x)!;
        var b0 = Normalize(y)!;
        return (a0, b0) switch
        {
            (long a, long b) => a.CompareTo(b),
            (string a, string b) => string.CompareOrdinal(a, b),
            (DecimalValue a, DecimalValue b) => a.CompareTo(b),
            (byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b),
            (double a, double b) => a.CompareTo(b),
            (long a, double b) => ((double)a).CompareTo(b),
            (double a, long b) => a.CompareTo(b),
            (IComparable a, var b) when a.GetType() == b.GetType() => a.CompareTo(b),
            _ => throw new InvalidOperationException($"Cannot compare values of types {a0.GetType().Name} and {b0.GetType().Name}."),
        };
    }

    public new bool Equals(object? x, object? y) => Compare(x, y) == 0;

    public int GetHashCode(object? obj) => Normalize(obj) switch
    {
        null => 0,
        byte[] bytes => HashBytes(bytes),
        var v => v.GetHashCode(),
    };

    private static int HashBytes(byte[] bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }

    private static object? Normalize(object? value) => value switch
    {
        int i => (long)i,
        short s => (long)s,
        sbyte b => (long)b,
        float f => (double)f,
        _ => value,
    };
}
