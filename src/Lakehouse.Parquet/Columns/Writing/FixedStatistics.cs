using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>Vectorized min/max of fixed-width values (and NaN counts for floating point), for column statistics.</summary>
internal static class FixedStatistics
{
    /// <summary>Min and max of <paramref name="values"/> (not empty) of an integer type.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MinMax<T>(ReadOnlySpan<T> values, out T min, out T max)
        where T : unmanaged, INumber<T>
    {
        min = values[0];
        max = values[0];
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= 2 * Vector<T>.Count)
        {
            var vectors = MemoryMarshal.Cast<T, Vector<T>>(values);
            var vmin = vectors[0];
            var vmax = vectors[0];
            for (var k = 1; k < vectors.Length; k++)
            {
                vmin = Vector.Min(vmin, vectors[k]);
                vmax = Vector.Max(vmax, vectors[k]);
            }

            for (var lane = 0; lane < Vector<T>.Count; lane++)
            {
                min = T.Min(min, vmin[lane]);
                max = T.Max(max, vmax[lane]);
            }

            i = vectors.Length * Vector<T>.Count;
        }

        for (; i < values.Length; i++)
        {
            var v = values[i];
            min = v < min ? v : min;
            max = v > max ? v : max;
        }
    }

    /// <summary>
    /// Min and max of the non-NaN values (+∞ and -∞ when there are none) and the number of NaN values. Which zero a
    /// min or max of ±0 reports is unspecified (footer statistics write -0 and +0 regardless).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long MinMaxIgnoringNaN(ReadOnlySpan<double> values, out double min, out double max)
    {
        min = double.PositiveInfinity;
        max = double.NegativeInfinity;
        long nans = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
            var vmin = new Vector<double>(double.PositiveInfinity);
            var vmax = new Vector<double>(double.NegativeInfinity);
            var vnans = Vector<long>.Zero;
            foreach (var v in vectors)
            {
                // NaN lanes are not equal to themselves: they count as NaN and drop out of min/max.
                var isNumber = Vector.Equals(v, v);
                vnans += isNumber + Vector<long>.One;
                vmin = Vector.Min(vmin, Vector.ConditionalSelect(isNumber, v, new Vector<double>(double.PositiveInfinity)));
                vmax = Vector.Max(vmax, Vector.ConditionalSelect(isNumber, v, new Vector<double>(double.NegativeInfinity)));
            }

            for (var lane = 0; lane < Vector<double>.Count; lane++)
            {
                min = Math.Min(min, vmin[lane]);
                max = Math.Max(max, vmax[lane]);
                nans += vnans[lane];
            }

            i = vectors.Length * Vector<double>.Count;
        }

        for (; i < values.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v))
            {
                nans++;
                continue;
            }

            min = v < min ? v : min;
            max = v > max ? v : max;
        }

        return nans;
    }

    /// <inheritdoc cref="MinMaxIgnoringNaN(ReadOnlySpan{double}, out double, out double)"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long MinMaxIgnoringNaN(ReadOnlySpan<float> values, out float min, out float max)
    {
        min = float.PositiveInfinity;
        max = float.NegativeInfinity;
        long nans = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            var vectors = MemoryMarshal.Cast<float, Vector<float>>(values);
            var vmin = new Vector<float>(float.PositiveInfinity);
            var vmax = new Vector<float>(float.NegativeInfinity);
            var vnans = Vector<int>.Zero;
            foreach (var v in vectors)
            {
                var isNumber = Vector.Equals(v, v);
                vnans += isNumber + Vector<int>.One;
                vmin = Vector.Min(vmin, Vector.ConditionalSelect(isNumber, v, new Vector<float>(float.PositiveInfinity)));
                vmax = Vector.Max(vmax, Vector.ConditionalSelect(isNumber, v, new Vector<float>(float.NegativeInfinity)));
            }

            for (var lane = 0; lane < Vector<float>.Count; lane++)
            {
                min = MathF.Min(min, vmin[lane]);
                max = MathF.Max(max, vmax[lane]);
                nans += vnans[lane];
            }

            i = vectors.Length * Vector<float>.Count;
        }

        for (; i < values.Length; i++)
        {
            var v = values[i];
            if (float.IsNaN(v))
            {
                nans++;
                continue;
            }

            min = v < min ? v : min;
            max = v > max ? v : max;
        }

        return nans;
    }
}
