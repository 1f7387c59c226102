using System.Buffers.Binary;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Lakehouse.Parquet.Meta;

namespace Lakehouse.Parquet.Compression;

/// <summary>
/// Snappy raw format (google/snappy format_description.txt), compressing span to span without allocations.
/// Hand-written because IronSnappy only offers array-returning APIs; tests cross-check both directions against it.
/// </summary>
internal sealed class SnappyCodec : IPageCodec
{
    private const int BlockSize = 1 << 16;
    private const int HashBits = 14;
    private readonly int[] _table = new int[1 << HashBits];

    public CompressionCodec Codec => CompressionCodec.Snappy;

    public int MaxCompressedLength(int length) => 32 + length + (length / 6);

    public int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var o = WriteVarUInt(destination, (uint)source.Length);
        for (var start = 0; start < source.Length; start += BlockSize)
        {
            var block = source.Slice(start, Math.Min(BlockSize, source.Length - start));
            o += CompressBlock(block, destination[o..]);
        }

        return o;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CompressBlock(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var o = 0;
        if (input.Length < 16)
        {
            return EmitLiteral(input, output);
        }

        // The hash table is sized to the block (as in the reference implementation), so small pages do not pay for
        // clearing the whole table; hashes are below the table size, so slots are addressed without bounds checks.
        var bits = Math.Clamp(BitOperations.Log2((uint)input.Length - 1) + 1, 8, HashBits);
        var shift = 32 - bits;
        var table = _table.AsSpan(0, 1 << bits);
        table.Fill(-1);
        ref var slots = ref MemoryMarshal.GetReference(table);
        var nextEmit = 0;
        var i = 0;
        var limit = input.Length - 4;
        var skip = 32;
        while (i <= limit)
        {
            var current = Load32(input, i);
            ref var slot = ref Unsafe.Add(ref slots, Hash(current, shift));
            var candidate = slot;
            slot = i;
            if (candidate >= 0 && Load32(input, candidate) == current)
            {
                var literal = i - nextEmit;
                if (literal is > 0 and <= 16 && nextEmit + 16 <= input.Length && o + 17 <= output.Length)
                {
                    // Short literal (most of them between matches): tag byte plus one 16-byte copy; the bytes past
                    // the literal are overwritten by what follows (or lie past the returned length).
                    output[o] = (byte)((literal - 1) << 2);
                    Unsafe.WriteUnaligned(
                        ref Unsafe.Add(ref MemoryMarshal.GetReference(output), o + 1),
                        Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.Add(ref MemoryMarshal.GetReference(input), nextEmit)));
                    o += 1 + literal;
                }
                else
                {
                    o += EmitLiteral(input[nextEmit..i], output[o..]);
                }

                var length = 4 + MatchLength(input, candidate + 4, i + 4);

                o += EmitCopy(i - candidate, length, output[o..]);
                i += length;
                nextEmit = i;
                skip = 32;
                if (i - 1 <= limit)
                {
                    Unsafe.Add(ref slots, Hash(Load32(input, i - 1), shift)) = i - 1;
                }
            }
            else
            {
                i += skip >> 5;
                skip++;
            }
        }

        o += EmitLiteral(input[nextEmit..], output[o..]);
        return o;
    }

    /// <summary>Bytes equal at <paramref name="a"/> and <paramref name="b"/> (a &lt; b), compared 8 at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int MatchLength(ReadOnlySpan<byte> input, int a, int b)
    {
        var start = b;
        while (b + 8 <= input.Length)
        {
            var x = Load64(input, a) ^ Load64(input, b);
            if (x != 0)
            {
                return b - start + (System.Numerics.BitOperations.TrailingZeroCount(x) >> 3);
            }

            a += 8;
            b += 8;
        }

        while (b < input.Length && input[a] == input[b])
        {
            a++;
            b++;
        }

        return b - start;
    }

    /// <summary>Four bytes at <paramref name="i"/>; callers guarantee <c>i + 4 &lt;= s.Length</c> (no bounds check on the hot path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Load32(ReadOnlySpan<byte> s, int i)
    {
        Debug.Assert((uint)i + 4 <= (uint)s.Length);
        var v = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetReference(s), i));
        return BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
    }

    /// <summary>Eight bytes at <paramref name="i"/>; callers guarantee <c>i + 8 &lt;= s.Length</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Load64(ReadOnlySpan<byte> s, int i)
    {
        Debug.Assert((uint)i + 8 <= (uint)s.Length);
        var v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(s), i));
        return BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(uint v, int shift) => (int)((v * 0x1E35A7BDu) >> shift);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int EmitLiteral(ReadOnlySpan<byte> literal, Span<byte> output)
    {
        if (literal.IsEmpty)
        {
            return 0;
        }

        var n = literal.Length - 1;
        int o;
        if (n < 60)
        {
            output[0] = (byte)(n << 2);
            o = 1;
        }
        else if (n < 256)
        {
            output[0] = 60 << 2;
            output[1] = (byte)n;
            o = 2;
        }
        else
        {
            output[0] = 61 << 2;
            output[1] = (byte)n;
            output[2] = (byte)(n >> 8);
            o = 3;
        }

        literal.CopyTo(output[o..]);
        return o + literal.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EmitCopy(int offset, int length, Span<byte> output)
    {
        var o = 0;
        while (length >= 68)
        {
            o += EmitCopy2(offset, 64, output[o..]);
            length -= 64;
        }

        if (length > 64)
        {
            o += EmitCopy2(offset, 60, output[o..]);
            length -= 60;
        }

        if (length < 12 && offset < 2048)
        {
            output[o] = (byte)(1 | ((length - 4) << 2) | ((offset >> 8) << 5));
            output[o + 1] = (byte)offset;
            return o + 2;
        }

        return o + EmitCopy2(offset, length, output[o..]);
    }

    private static int EmitCopy2(int offset, int length, Span<byte> output)
    {
        output[0] = (byte)(2 | ((length - 1) << 2));
        output[1] = (byte)offset;
        output[2] = (byte)(offset >> 8);
        return 3;
    }

    private static int WriteVarUInt(Span<byte> destination, uint value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>The uncompressed length from the stream's preamble.</summary>
    public static int ReadUncompressedLength(ReadOnlySpan<byte> source, out int headerLength)
    {
        uint result = 0;
        for (var i = 0; i < 5; i++)
        {
            if (i >= source.Length)
            {
                throw new InvalidDataException("Snappy preamble is truncated.");
            }

            var b = source[i];
            result |= (uint)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                headerLength = i + 1;
                return result > int.MaxValue ? throw new InvalidDataException("Snappy length is absurd.") : (int)result;
            }
        }

        throw new InvalidDataException("Snappy preamble is too long.");
    }

    public void Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var length = ReadUncompressedLength(source, out var ip);
        if (length != destination.Length)
        {
            throw new InvalidDataException($"Snappy data decompresses to {length} bytes, the page header says {destination.Length}.");
        }

        var op = 0;
        while (ip < source.Length)
        {
            var tag = source[ip++];
            int len;
            int offset;
            switch (tag & 3)
            {
                case 0:
                    len = tag >> 2;
                    if (len >= 60)
                    {
                        var extra = len - 59;
                        if (ip + extra > source.Length)
                        {
                            throw new InvalidDataException("Snappy literal length is truncated.");
                        }

                        len = 0;
                        for (var k = 0; k < extra; k++)
                        {
                            len |= source[ip + k] << (8 * k);
                        }

                        ip += extra;
                    }

                    len++;
                    if (len <= 0 || len > source.Length - ip || len > destination.Length - op)
                    {
                        throw new InvalidDataException("Snappy literal overruns its input or output.");
                    }

                    source.Slice(ip, len).CopyTo(destination[op..]);
                    ip += len;
                    op += len;
                    continue;
                case 1:
                    if (ip >= source.Length)
                    {
                        throw new InvalidDataException("Snappy copy is truncated.");
                    }

                    len = 4 + ((tag >> 2) & 7);
                    offset = ((tag >> 5) << 8) | source[ip++];
                    break;
                case 2:
                    if (ip + 2 > source.Length)
                    {
                        throw new InvalidDataException("Snappy copy is truncated.");
                    }

                    len = (tag >> 2) + 1;
                    offset = source[ip] | (source[ip + 1] << 8);
                    ip += 2;
                    break;
                default:
                    if (ip + 4 > source.Length)
                    {
                        throw new InvalidDataException("Snappy copy is truncated.");
                    }

                    len = (tag >> 2) + 1;
                    offset = BinaryPrimitives.ReadInt32LittleEndian(source[ip..]);
                    ip += 4;
                    break;
            }

            if (offset <= 0 || offset > op || len > destination.Length - op)
            {
                throw new InvalidDataException($"Snappy copy (offset {offset}, length {len}) at output {op} is out of range.");
            }

            if (offset >= len)
            {
                destination.Slice(op - offset, len).CopyTo(destination[op..]);
            }
            else
            {
                for (var k = 0; k < len; k++)
                {
                    destination[op + k] = destination[op - offset + k];
                }
            }

            op += len;
        }

        if (op != destination.Length)
        {
            throw new InvalidDataException($"Snappy data ended after {op} of {destination.Length} bytes.");
        }
    }
}
