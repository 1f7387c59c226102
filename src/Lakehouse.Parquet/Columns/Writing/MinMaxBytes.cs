using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lakehouse.Parquet.Columns.Writing;

/// <summary>Running min/max of byte strings, copied only when they change (no per-value allocation).</summary>
internal sealed class MinMaxBytes(bool signedBigEndianNumbers)
{
    private byte[] _min = new byte[32];
    private byte[] _max = new byte[32];
    private int _minLength;
    private int _maxLength;

    public bool HasValue { get; private set; }

    public ReadOnlySpan<byte> Min => _min.AsSpan(0, _minLength);

    public ReadOnlySpan<byte> Max => _max.AsSpan(0, _maxLength);

    public void Update(ReadOnlySpan<byte> value)
    {
        if (!HasValue)
        {
            Set(ref _min, ref _minLength, value);
            Set(ref _max, ref _maxLength, value);
            HasValue = true;
            return;
        }

        if (Compare(value, Min) < 0)
        {
            Set(ref _min, ref _minLength, value);
        }
        else if (Compare(value, Max) > 0)
        {
            Set(ref _max, ref _maxLength, value);
        }
    }

    /// <summary>
    /// Updates with entries <c>data[offsets[i]..offsets[i + 1]]</c> (unsigned byte order only): in pairs, the smaller
    /// against the min and the larger against the max (3 comparisons per 2 values instead of 4), copying only the
    /// final min and max.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void UpdateUnsigned(ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets)
    {
        var count = offsets.Length - 1;
        if (count <= 0)
        {
            return;
        }

        var i = 0;
        if (!HasValue)
        {
            Update(data[offsets[0]..offsets[1]]);
            i = 1;
        }

        var min = Min;
        var max = Max;
        var minChanged = false;
        var maxChanged = false;
        for (; i + 1 < count; i += 2)
        {
            var small = data[offsets[i]..offsets[i + 1]];
            var large = data[offsets[i + 1]..offsets[i + 2]];
            if (CompareUnsigned(small, large) > 0)
            {
                var swap = small;
                small = large;
                large = swap;
            }

            if (CompareUnsigned(small, min) < 0)
            {
                min = small;
                minChanged = true;
            }

            if (CompareUnsigned(large, max) > 0)
            {
                max = large;
                maxChanged = true;
            }
        }

        if (i < count)
        {
            var last = data[offsets[i]..offsets[i + 1]];
            if (CompareUnsigned(last, min) < 0)
            {
                min = last;
                minChanged = true;
            }
            else if (CompareUnsigned(last, max) > 0)
            {
                max = last;
                maxChanged = true;
            }
        }

        if (minChanged)
        {
            Set(ref _min, ref _minLength, min);
        }

        if (maxChanged)
        {
            Set(ref _max, ref _maxLength, max);
        }
    }

    public void Merge(MinMaxBytes other)
    {
        if (other.HasValue)
        {
            Update(other.Min);
            Update(other.Max);
        }
    }

    public void Reset()
    {
        HasValue = false;
        _minLength = 0;
        _maxLength = 0;
    }

    private int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (!signedBigEndianNumbers)
        {
            return CompareUnsigned(a, b);
        }

        return ToInt128(a).CompareTo(ToInt128(b));
    }

    /// <summary>
    /// Lexicographic unsigned comparison (as <see cref="MemoryExtensions.SequenceCompareTo{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>),
    /// inlined for the short values of string columns: 8 bytes at a time as big-endian words, the last word overlapping
    /// (its leading bytes are already known equal).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int CompareUnsigned(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var n = Math.Min(a.Length, b.Length);
        if (n < 8)
        {
            return a.SequenceCompareTo(b);
        }

        ref var pa = ref MemoryMarshal.GetReference(a);
        ref var pb = ref MemoryMarshal.GetReference(b);
        for (var i = 0; i < n; i += 8)
        {
            var at = Math.Min(i, n - 8);
            var x = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref pa, at));
            var y = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref pb, at));
            if (x != y)
            {
                if (BitConverter.IsLittleEndian)
                {
                    x = BinaryPrimitives.ReverseEndianness(x);
                    y = BinaryPrimitives.ReverseEndianness(y);
                }

                return x < y ? -1 : 1;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>Sign-extends a big-endian two's-complement value of up to 16 bytes.</summary>
    public static Int128 ToInt128(ReadOnlySpan<byte> bigEndian)
    {
        Span<byte> buffer = stackalloc byte[16];
        var fill = bigEndian.Length > 0 && (bigEndian[0] & 0x80) != 0 ? (byte)0xFF : (byte)0;
        buffer.Fill(fill);
        var n = Math.Min(16, bigEndian.Length);
        bigEndian[^n..].CopyTo(buffer[(16 - n)..]);
        return BinaryPrimitives.ReadInt128BigEndian(buffer);
    }

    private static void Set(ref byte[] target, ref int length, ReadOnlySpan<byte> value)
    {
        if (value.Length > target.Length)
        {
            target = new byte[Math.Max(value.Length, target.Length * 2)];
        }

        value.CopyTo(target);
        length = value.Length;
    }
}
