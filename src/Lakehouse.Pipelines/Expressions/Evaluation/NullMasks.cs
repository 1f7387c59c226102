using System.Numerics;
using System.Runtime.InteropServices;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>Null-mask arithmetic for vectorized kernels (SIMD over the bool flags viewed as bytes).</summary>
internal static class NullMasks
{
    /// <summary>The mask of a null scalar. Shared: never write to it.</summary>
    public static readonly bool[] SingleNull = [true];

    /// <summary>Rows null in either input, for a result of <paramref name="rows"/> rows; empty when none. May return an input's mask (never mutate it).</summary>
    public static ReadOnlyMemory<bool> Union(EvalColumn a, EvalColumn b, int rows)
    {
        var an = Expand(a, rows);
        var bn = Expand(b, rows);
        if (an.IsEmpty)
        {
            return bn;
        }

        if (bn.IsEmpty)
        {
            return an;
        }

        var result = new bool[rows];
        Or(an.Span, bn.Span, result);
        return result;
    }

    /// <summary>A fresh writable copy of the union (for kernels that add nulls, such as division by zero).</summary>
    public static bool[] UnionWritable(EvalColumn a, EvalColumn? b, int rows)
    {
        var result = new bool[rows];
        var an = Expand(a, rows);
        if (!an.IsEmpty)
        {
            an.Span.CopyTo(result);
        }

        if (b is not null)
        {
            var bn = Expand(b, rows);
            if (!bn.IsEmpty)
            {
                Or(result, bn.Span, result);
            }
        }

        return result;
    }

    /// <summary>The mask of <paramref name="column"/> as <paramref name="rows"/> flags (a null scalar expands to all-true); empty when no row is null.</summary>
    public static ReadOnlyMemory<bool> Expand(EvalColumn column, int rows)
    {
        if (!column.HasNulls)
        {
            return ReadOnlyMemory<bool>.Empty;
        }

        if (!column.IsScalar || rows == 1)
        {
            return column.Nulls;
        }

        if (!column.Nulls.Span[0])
        {
            return ReadOnlyMemory<bool>.Empty;
        }

        var all = new bool[rows];
        all.AsSpan().Fill(true);
        return all;
    }

    /// <summary><paramref name="mask"/>, or empty when it flags no row (so readers skip null checks).</summary>
    public static ReadOnlyMemory<bool> Compact(bool[] mask) => mask.AsSpan().Contains(true) ? mask : ReadOnlyMemory<bool>.Empty;

    public static bool[]? ToArrayOrNull(ReadOnlyMemory<bool> mask) => mask.IsEmpty ? null : mask.ToArray();

    public static void Or(ReadOnlySpan<bool> a, ReadOnlySpan<bool> b, Span<bool> result)
    {
        var x = MemoryMarshal.Cast<bool, byte>(a);
        var y = MemoryMarshal.Cast<bool, byte>(b);
        var r = MemoryMarshal.Cast<bool, byte>(result);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= r.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                (new Vector<byte>(x[i..]) | new Vector<byte>(y[i..])).CopyTo(r[i..]);
            }
        }

        for (; i < r.Length; i++)
        {
            r[i] = (byte)(x[i] | y[i]);
        }
    }

    public static void And(ReadOnlySpan<bool> a, ReadOnlySpan<bool> b, Span<bool> result)
    {
        var x = MemoryMarshal.Cast<bool, byte>(a);
        var y = MemoryMarshal.Cast<bool, byte>(b);
        var r = MemoryMarshal.Cast<bool, byte>(result);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= r.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                (new Vector<byte>(x[i..]) & new Vector<byte>(y[i..])).CopyTo(r[i..]);
            }
        }

        for (; i < r.Length; i++)
        {
            r[i] = (byte)(x[i] & y[i]);
        }
    }

    /// <summary><c>a AND NOT b</c>.</summary>
    public static void AndNot(ReadOnlySpan<bool> a, ReadOnlySpan<bool> b, Span<bool> result)
    {
        var x = MemoryMarshal.Cast<bool, byte>(a);
        var y = MemoryMarshal.Cast<bool, byte>(b);
        var r = MemoryMarshal.Cast<bool, byte>(result);
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= r.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Vector.AndNot(new Vector<byte>(x[i..]), new Vector<byte>(y[i..])).CopyTo(r[i..]);
            }
        }

        for (; i < r.Length; i++)
        {
            r[i] = (byte)(x[i] & ~y[i] & 1);
        }
    }

    public static void Not(ReadOnlySpan<bool> a, Span<bool> result)
    {
        var x = MemoryMarshal.Cast<bool, byte>(a);
        var r = MemoryMarshal.Cast<bool, byte>(result);
        var one = Vector<byte>.One;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= r.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                (new Vector<byte>(x[i..]) ^ one).CopyTo(r[i..]);
            }
        }

        for (; i < r.Length; i++)
        {
            r[i] = (byte)(x[i] ^ 1);
        }
    }
}
