using System.Buffers.Binary;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Aggregation;

/// <summary>
/// Serialises one row of evaluated columns into bytes (per column a null flag, then the value: fixed-width little-endian,
/// strings length-prefixed) and hashes such byte strings. Used for multi-column group keys and change fingerprints.
/// </summary>
internal static class RowBytes
{
    /// <summary>Writes row <paramref name="row"/> of <paramref name="columns"/> at <paramref name="at"/>; returns the end offset.</summary>
    public static int Write(EvalColumn?[] columns, int row, ref byte[] buffer, int at)
    {
        foreach (var column in columns)
        {
            if (column is null)
            {
                continue;
            }

            Ensure(ref buffer, at + 32);
            if (column.IsNull(row))
            {
                buffer[at++] = 0;
                continue;
            }

            buffer[at++] = 1;
            var span = buffer.AsSpan(at);
            var index = column.IsScalar ? 0 : row;
            switch (column)
            {
                case PrimitiveColumn<bool> c: span[0] = c.Values.Span[index] ? (byte)1 : (byte)0; at += 1; break;
                case PrimitiveColumn<int> c: BinaryPrimitives.WriteInt32LittleEndian(span, c.Values.Span[index]); at += 4; break;
                case PrimitiveColumn<long> c: BinaryPrimitives.WriteInt64LittleEndian(span, c.Values.Span[index]); at += 8; break;
                case PrimitiveColumn<float> c: BinaryPrimitives.WriteDoubleLittleEndian(span, Normalize(c.Values.Span[index])); at += 8; break;
                case PrimitiveColumn<double> c: BinaryPrimitives.WriteDoubleLittleEndian(span, Normalize(c.Values.Span[index])); at += 8; break;
                case PrimitiveColumn<Int128> c: BinaryPrimitives.WriteInt128LittleEndian(span, c.Values.Span[index]); at += 16; break;
                case BinaryColumn c:
                    var value = c.ValueAt(index);
                    Ensure(ref buffer, at + 4 + value.Length);
                    BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(at), value.Length);
                    value.CopyTo(buffer.AsSpan(at + 4));
                    at += 4 + value.Length;
                    break;
                default:
                    throw new InvalidOperationException($"Cannot serialise values of type {column.Type}.");
            }
        }

        return at;
    }

    /// <summary>0.0 and -0.0 are one value, and every NaN is one value (Spark's normalisation for grouping).</summary>
    public static double Normalize(double value) => double.IsNaN(value) ? double.NaN : value == 0 ? 0.0 : value;

    /// <summary>A seeded 64-bit hash: multiply-xorshift over 8-byte words, finished with the murmur3 mixer.</summary>
    public static ulong Hash(ReadOnlySpan<byte> key, ulong seed)
    {
        var h = seed ^ ((ulong)key.Length * 0x9E3779B97F4A7C15UL);
        while (key.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(key)) * 0xff51afd7ed558ccdUL;
            h ^= (h >> 29) + seed;
            key = key[8..];
        }

        if (!key.IsEmpty)
        {
            ulong tail = 0;
            for (var i = 0; i < key.Length; i++)
            {
                tail |= (ulong)key[i] << (8 * i);
            }

            h = (h ^ tail) * 0xc4ceb9fe1a85ec53UL;
        }

        return LongGroupMap.Mix((long)(h ^ seed));
    }

    private static void Ensure(ref byte[] buffer, int size)
    {
        if (size > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(size, buffer.Length * 2));
        }
    }
}
