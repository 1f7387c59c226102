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
    private readonly ushort[] _table = new ushort[1 << HashBits];

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

    /// <summary>
    /// One block of at most 64 KiB, following the reference compressor (snappy.cc CompressFragment): a hash table of
    /// 16-bit block positions, match search that looks at every byte after a match and steps ever faster through
    /// bytes that do not match (skip heuristic: after 32 misses every 2nd byte, then every 3rd, ...), and after each
    /// copy an immediate check for a second match at the next position (runs of copies need no table probe).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe int CompressBlock(ReadOnlySpan<byte> input, Span<byte> output)
    {
        // Past this point the main loop's 16-byte literal copies and 8-byte loads would read beyond the block.
        const int InputMargin = 15;
        if (input.Length < InputMargin + 1)
        {
            return EmitLiteral(input, output);
        }

        // The table is sized to the block (as in the reference), so small pages do not pay for clearing all of it.
        var bits = Math.Clamp(BitOperations.Log2((uint)input.Length - 1) + 1, 8, HashBits);
        var shift = 32 - bits;
        Array.Clear(_table, 0, 1 << bits);
        fixed (byte* src = input)
        fixed (byte* dst = output)
        fixed (ushort* table = _table)
        {
            var ipEnd = src + input.Length;
            var ipLimit = ipEnd - InputMargin;
            var opEnd = dst + output.Length;
            var op = dst;
            var nextEmit = src;

            // Every table entry starts at position 0; a candidate is always verified against the input, and the scan
            // starts at position 1, so a candidate is always before the current position.
            var ip = src + 1;
            var nextHash = Hash(Load32(ip), shift);
            while (true)
            {
                byte* candidate;
                var skip = 32u;
                var nextIp = ip;
                do
                {
                    ip = nextIp;
                    var hash = nextHash;
                    var step = skip >> 5;
                    skip += step;
                    nextIp = ip + step;
                    if (nextIp > ipLimit)
                    {
                        goto EmitRemainder;
                    }

                    nextHash = Hash(Load32(nextIp), shift);
                    candidate = src + table[hash];
                    table[hash] = (ushort)(ip - src);
                }
                while (Load32(ip) != Load32(candidate));

                // The literal before the match (never empty here: the scan is at least one byte past nextEmit).
                var literal = (int)(ip - nextEmit);
                if (literal <= 16 && op + 17 <= opEnd)
                {
                    // Tag byte plus one 16-byte copy (InputMargin keeps the read inside the block); bytes past the
                    // literal are overwritten by what follows or lie past the returned length.
                    *op = (byte)((literal - 1) << 2);
                    Unsafe.WriteUnaligned(op + 1, Unsafe.ReadUnaligned<Vector128<byte>>(nextEmit));
                    op += 1 + literal;
                }
                else
                {
                    op += EmitLiteral(new ReadOnlySpan<byte>(nextEmit, literal), new Span<byte>(op, (int)(opEnd - op)));
                }

                ulong inputBytes;
                do
                {
                    var matchStart = ip;
                    var matched = 4 + MatchLength(candidate + 4, ip + 4, ipEnd);
                    ip += matched;
                    op = EmitCopy(op, (int)(matchStart - candidate), matched);
                    nextEmit = ip;
                    if (ip >= ipLimit)
                    {
                        goto EmitRemainder;
                    }

                    // Index the position before the new one (for later matches), then try a match right here.
                    inputBytes = Load64(ip - 1);
                    table[Hash((uint)inputBytes, shift)] = (ushort)(ip - src - 1);
                    var current = Hash((uint)(inputBytes >> 8), shift);
                    candidate = src + table[current];
                    table[current] = (ushort)(ip - src);
                }
                while ((uint)(inputBytes >> 8) == Load32(candidate));

                nextHash = Hash((uint)(inputBytes >> 16), shift);
                ip++;
            }

        EmitRemainder:
            if (nextEmit < ipEnd)
            {
                op += EmitLiteral(new ReadOnlySpan<byte>(nextEmit, (int)(ipEnd - nextEmit)), new Span<byte>(op, (int)(opEnd - op)));
            }

            return (int)(op - dst);
        }
    }

    /// <summary>Bytes equal at <paramref name="a"/> and <paramref name="b"/> (a &lt; b, both before <paramref name="end"/>), compared 8 at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe int MatchLength(byte* a, byte* b, byte* end)
    {
        var start = b;
        while (b + 8 <= end)
        {
            var x = Load64(a) ^ Load64(b);
            if (x != 0)
            {
                return (int)(b - start) + (BitOperations.TrailingZeroCount(x) >> 3);
            }

            a += 8;
            b += 8;
        }

        while (b < end && *a == *b)
        {
            a++;
            b++;
        }

        return (int)(b - start);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe uint Load32(byte* p)
    {
        var v = Unsafe.ReadUnaligned<uint>(p);
        return BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe ulong Load64(byte* p)
    {
        var v = Unsafe.ReadUnaligned<ulong>(p);
        return BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(uint v, int shift) => (int)((v * 0x1E35A7BDu) >> shift);

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

    /// <summary>
    /// Copy elements for a match (offset below 64 KiB): 64-byte pieces while more than 67 bytes remain (so at least
    /// 4 are left for the last piece), then a 1-byte-offset copy for 4..11 bytes within 2 KiB, else a 2-byte-offset copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe byte* EmitCopy(byte* op, int offset, int length)
    {
        while (length >= 68)
        {
            op = EmitCopy2(op, offset, 64);
            length -= 64;
        }

        if (length > 64)
        {
            op = EmitCopy2(op, offset, 60);
            length -= 60;
        }

        if (length < 12 && offset < 2048)
        {
            op[0] = (byte)(1 | ((length - 4) << 2) | ((offset >> 8) << 5));
            op[1] = (byte)offset;
            return op + 2;
        }

        return EmitCopy2(op, offset, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe byte* EmitCopy2(byte* op, int offset, int length)
    {
        op[0] = (byte)(2 | ((length - 1) << 2));
        op[1] = (byte)offset;
        op[2] = (byte)(offset >> 8);
        return op + 3;
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
