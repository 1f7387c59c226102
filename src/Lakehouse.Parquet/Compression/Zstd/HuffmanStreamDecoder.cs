using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// Decodes Huffman-coded literals (RFC 8878 section 4.2.2): one stream, or four streams behind a 6-byte jump table,
/// each regenerating a quarter of the literals. Every stream must be consumed exactly.
/// </summary>
internal static class HuffmanStreamDecoder
{
    public static void DecodeSingle(ReadOnlySpan<byte> stream, long errorOffset, DecoderContext context, Span<byte> output) =>
        DecodeStream(stream, errorOffset, context.HuffmanTable, context.HuffmanTableLog, output);

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

        ushort[] table = context.HuffmanTable;
        int log = context.HuffmanTableLog;
        int start = 6;
        DecodeStream(streams.Slice(start, size1), errorOffset + start, table, log, output.Slice(0, segment));
        start += size1;
        DecodeStream(streams.Slice(start, size2), errorOffset + start, table, log, output.Slice(segment, segment));
        start += size2;
        DecodeStream(streams.Slice(start, size3), errorOffset + start, table, log, output.Slice(2 * segment, segment));
        start += size3;
        DecodeStream(streams.Slice(start, size4), errorOffset + start, table, log, output.Slice(3 * segment));
    }

    private static void DecodeStream(ReadOnlySpan<byte> stream, long errorOffset, ushort[] table, int log, Span<byte> output)
    {
        var reader = new BackwardBitReader(stream, errorOffset);
        ref ushort entries = ref MemoryMarshal.GetArrayDataReference(table);
        ref byte destination = ref MemoryMarshal.GetReference(output);
        int count = output.Length;
        int i = 0;

        // Four codes of at most 11 bits fit in the 57 bits a fast reload guarantees.
        while (count - i >= 4 && reader.CanReloadFast)
        {
            reader.Reload();
            Unsafe.Add(ref destination, i) = DecodeSymbol(ref reader, ref entries, log);
            Unsafe.Add(ref destination, i + 1) = DecodeSymbol(ref reader, ref entries, log);
            Unsafe.Add(ref destination, i + 2) = DecodeSymbol(ref reader, ref entries, log);
            Unsafe.Add(ref destination, i + 3) = DecodeSymbol(ref reader, ref entries, log);
            i += 4;
        }

        while (i < count)
        {
            reader.Reload();
            Unsafe.Add(ref destination, i++) = DecodeSymbol(ref reader, ref entries, log);
        }

        reader.Reload();
        if (!reader.IsFinished)
        {
            ZstdThrow.Corrupt(errorOffset, "Huffman stream size does not match its regenerated size");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte DecodeSymbol(ref BackwardBitReader reader, ref ushort entries, int log)
    {
        ushort entry = Unsafe.Add(ref entries, (nint)reader.PeekBitsNonZero(log));
        reader.SkipBits(entry >> 8);
        return (byte)entry;
    }
}
