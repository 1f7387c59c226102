using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// Decodes Huffman-coded literals (RFC 8878 section 4.2.2): one stream, or four streams behind a 6-byte jump table,
/// each regenerating a quarter of the literals. Every stream must be consumed exactly. The four streams are decoded
/// interleaved while each has 8+ bytes left, so their table look-ups overlap; the tails are decoded one by one.
/// </summary>
internal static class HuffmanStreamDecoder
{
    public static void DecodeSingle(ReadOnlySpan<byte> stream, long errorOffset, DecoderContext context, Span<byte> output)
    {
        var reader = new BackwardBitReader(stream, errorOffset);
        ref ushort table = ref MemoryMarshal.GetArrayDataReference(context.HuffmanTable);
        ref byte source = ref MemoryMarshal.GetReference(stream);
        ref byte destination = ref MemoryMarshal.GetReference(output);
        int shift = 64 - context.HuffmanTableLog;
        ulong container = reader.Container;
        int consumed = reader.Consumed;
        int position = reader.Position;
        int i = 0;
        int count = output.Length;

        // Four codes of at most 12 bits fit in the 57 bits a reload guarantees while 8 bytes remain.
        while (count - i >= 4 && position >= 8)
        {
            position -= consumed >> 3;
            consumed &= 7;
            container = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, position));
            Unsafe.Add(ref destination, i) = Decode(ref table, container, ref consumed, shift);
            Unsafe.Add(ref destination, i + 1) = Decode(ref table, container, ref consumed, shift);
            Unsafe.Add(ref destination, i + 2) = Decode(ref table, container, ref consumed, shift);
            Unsafe.Add(ref destination, i + 3) = Decode(ref table, container, ref consumed, shift);
            i += 4;
        }

        reader.Container = container;
        reader.Consumed = consumed;
        reader.Position = position;
        DecodeTail(ref reader, ref table, context.HuffmanTableLog, output.Slice(i), errorOffset);
    }

    public static void DecodeFour(ReadOnlySpan<byte> streams, long errorOffset, DecoderContext context, Span<byte> output)
    {
        if (streams.Length < 10)
        {
            ZstdThrow.Corrupt(errorOffset, $"four Huffman streams need at least 10 bytes, found {streams.Length}");
        }

        int size1 = BinaryPrimitives.ReadUInt16LittleEndian(streams);
        int size2 = BinaryPrimitives.ReadUInt16LittleEndian(streams.Slice(2));
        int size3 = BinaryPrimitives.ReadUInt16LittleEndian(streams.Slice(4));
        int size4 = streams.Length - 6 - size1 - size2 - size3;
        if (size4 < 1)
        {
            ZstdThrow.Corrupt(errorOffset, "Huffman jump table sizes exceed the literals section");
        }

        int segment = (output.Length + 3) / 4;
        if (segment * 3 > output.Length)
        {
            ZstdThrow.Corrupt(errorOffset, $"{output.Length} literals cannot be split into four Huffman streams");
        }

        int start2 = 6 + size1;
        int start3 = start2 + size2;
        int start4 = start3 + size3;
        ReadOnlySpan<byte> stream1 = streams.Slice(6, size1);
        ReadOnlySpan<byte> stream2 = streams.Slice(start2, size2);
        ReadOnlySpan<byte> stream3 = streams.Slice(start3, size3);
        ReadOnlySpan<byte> stream4 = streams.Slice(start4, size4);
        var reader1 = new BackwardBitReader(stream1, errorOffset + 6);
        var reader2 = new BackwardBitReader(stream2, errorOffset + start2);
        var reader3 = new BackwardBitReader(stream3, errorOffset + start3);
        var reader4 = new BackwardBitReader(stream4, errorOffset + start4);

        ref ushort table = ref MemoryMarshal.GetArrayDataReference(context.HuffmanTable);
        ref byte destination = ref MemoryMarshal.GetReference(output);
        int log = context.HuffmanTableLog;
        int shift = 64 - log;
        int done = 0;
        int lastSegment = output.Length - (3 * segment);
        {
            ref byte source1 = ref MemoryMarshal.GetReference(stream1);
            ref byte source2 = ref MemoryMarshal.GetReference(stream2);
            ref byte source3 = ref MemoryMarshal.GetReference(stream3);
            ref byte source4 = ref MemoryMarshal.GetReference(stream4);
            ref byte out1 = ref destination;
            ref byte out2 = ref Unsafe.Add(ref destination, segment);
            ref byte out3 = ref Unsafe.Add(ref destination, 2 * segment);
            ref byte out4 = ref Unsafe.Add(ref destination, 3 * segment);
            ulong c1 = reader1.Container, c2 = reader2.Container, c3 = reader3.Container, c4 = reader4.Container;
            int n1 = reader1.Consumed, n2 = reader2.Consumed, n3 = reader3.Consumed, n4 = reader4.Consumed;
            int p1 = reader1.Position, p2 = reader2.Position, p3 = reader3.Position, p4 = reader4.Position;

            // The fourth segment is the shortest, so it bounds the interleaved rounds.
            while (lastSegment - done >= 4 && Math.Min(Math.Min(p1, p2), Math.Min(p3, p4)) >= 8)
            {
                p1 -= n1 >> 3;
                n1 &= 7;
                c1 = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source1, p1));
                p2 -= n2 >> 3;
                n2 &= 7;
                c2 = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source2, p2));
                p3 -= n3 >> 3;
                n3 &= 7;
                c3 = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source3, p3));
                p4 -= n4 >> 3;
                n4 &= 7;
                c4 = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source4, p4));
                for (int k = 0; k < 4; k++)
                {
                    Unsafe.Add(ref out1, done + k) = Decode(ref table, c1, ref n1, shift);
                    Unsafe.Add(ref out2, done + k) = Decode(ref table, c2, ref n2, shift);
                    Unsafe.Add(ref out3, done + k) = Decode(ref table, c3, ref n3, shift);
                    Unsafe.Add(ref out4, done + k) = Decode(ref table, c4, ref n4, shift);
                }

                done += 4;
            }

            reader1.Container = c1;
            reader1.Consumed = n1;
            reader1.Position = p1;
            reader2.Container = c2;
            reader2.Consumed = n2;
            reader2.Position = p2;
            reader3.Container = c3;
            reader3.Consumed = n3;
            reader3.Position = p3;
            reader4.Container = c4;
            reader4.Consumed = n4;
            reader4.Position = p4;
        }

        DecodeTail(ref reader1, ref table, log, output.Slice(done, segment - done), errorOffset + 6);
        DecodeTail(ref reader2, ref table, log, output.Slice(segment + done, segment - done), errorOffset + start2);
        DecodeTail(ref reader3, ref table, log, output.Slice((2 * segment) + done, segment - done), errorOffset + start3);
        DecodeTail(ref reader4, ref table, log, output.Slice((3 * segment) + done), errorOffset + start4);
    }

    private static void DecodeTail(ref BackwardBitReader reader, ref ushort table, int log, Span<byte> output, long errorOffset)
    {
        for (int i = 0; i < output.Length; i++)
        {
            reader.Reload();
            ushort entry = Unsafe.Add(ref table, (nint)reader.PeekBitsNonZero(log));
            reader.SkipBits(entry >> 8);
            output[i] = (byte)entry;
        }

        reader.Reload();
        if (!reader.IsFinished)
        {
            ZstdThrow.Corrupt(errorOffset, "Huffman stream size does not match its regenerated size");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Decode(ref ushort table, ulong container, ref int consumed, int shift)
    {
        ushort entry = Unsafe.Add(ref table, (nint)((container << consumed) >> shift));
        consumed += entry >> 8;
        return (byte)entry;
    }
}
