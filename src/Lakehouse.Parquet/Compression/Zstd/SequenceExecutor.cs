using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// Decodes sequences from the FSE bitstream and executes each one at once (RFC 8878 sections 3.1.1.3.2.2 and
/// 3.1.1.4): copy the literals, resolve the offset against the repeat-offset history, copy the match.
/// All lengths are checked against the literals and the output limit before any byte moves.
/// </summary>
internal static class SequenceExecutor
{
    public static void Execute(
        ReadOnlySpan<byte> bitstream,
        long errorOffset,
        int sequenceCount,
        DecoderContext context,
        int literalCount,
        in BlockOutput output,
        Span<byte> destination,
        ref int position)
    {
        SequenceEntry[] llTable = context.LiteralLengthTable!;
        SequenceEntry[] ofTable = context.OffsetTable!;
        SequenceEntry[] mlTable = context.MatchLengthTable!;
        ref SequenceEntry llEntries = ref MemoryMarshal.GetArrayDataReference(llTable);
        ref SequenceEntry ofEntries = ref MemoryMarshal.GetArrayDataReference(ofTable);
        ref SequenceEntry mlEntries = ref MemoryMarshal.GetArrayDataReference(mlTable);
        ref byte literals = ref MemoryMarshal.GetArrayDataReference(context.Literals);
        ref byte dst = ref MemoryMarshal.GetReference(destination);
        int dstLength = destination.Length;
        int limit = output.Limit;
        int frameStart = output.FrameStart;

        var reader = new BackwardBitReader(bitstream, errorOffset);
        int llState = (int)reader.ReadBits(context.LiteralLengthLog);
        reader.Reload();
        int ofState = (int)reader.ReadBits(context.OffsetLog);
        reader.Reload();
        int mlState = (int)reader.ReadBits(context.MatchLengthLog);
        reader.Reload();

        // The bit state lives in locals for the loop; Read and Reload are inlined over them.
        ref byte stream = ref MemoryMarshal.GetReference(bitstream);
        ulong container = reader.Container;
        int consumed = reader.Consumed;
        int streamPosition = reader.Position;

        // Table states are always below the table size: BaseState + NbBits bits stays inside by construction.
        int llMask = llTable.Length - 1;
        int ofMask = ofTable.Length - 1;
        int mlMask = mlTable.Length - 1;
        uint rep0 = context.Rep0;
        uint rep1 = context.Rep1;
        uint rep2 = context.Rep2;
        int op = position;
        int litPos = 0;

        for (int remaining = sequenceCount; remaining > 0; remaining--)
        {
            SequenceEntry ll = Unsafe.Add(ref llEntries, llState & llMask);
            SequenceEntry of = Unsafe.Add(ref ofEntries, ofState & ofMask);
            SequenceEntry ml = Unsafe.Add(ref mlEntries, mlState & mlMask);

            uint offsetValue = of.BaseValue + Read(container, ref consumed, of.NbExtraBits);
            int matchLength = (int)(ml.BaseValue + Read(container, ref consumed, ml.NbExtraBits));
            if (of.NbExtraBits + ml.NbExtraBits + ll.NbExtraBits > 31)
            {
                Reload(ref stream, ref container, ref consumed, ref streamPosition);
            }

            int literalLength = (int)(ll.BaseValue + Read(container, ref consumed, ll.NbExtraBits));

            uint offset;
            if (offsetValue > 3)
            {
                offset = offsetValue - 3;
                rep2 = rep1;
                rep1 = rep0;
                rep0 = offset;
            }
            else
            {
                // Repeat offsets; with no literals the indices shift by one (RFC 8878 section 3.1.2.5).
                uint index = offsetValue - 1 + (literalLength == 0 ? 1u : 0u);
                if (index == 0)
                {
                    offset = rep0;
                }
                else
                {
                    offset = index switch { 1 => rep1, 2 => rep2, _ => rep0 - 1 };
                    if (offset == 0)
                    {
                        ZstdThrow.Corrupt(errorOffset, "repeat offset resolves to zero");
                    }

                    if (index != 1)
                    {
                        rep2 = rep1;
                    }

                    rep1 = rep0;
                    rep0 = offset;
                }
            }

            if (remaining > 1)
            {
                llState = ll.BaseState + (int)Read(container, ref consumed, ll.NbBits);
                mlState = ml.BaseState + (int)Read(container, ref consumed, ml.NbBits);
                ofState = of.BaseState + (int)Read(container, ref consumed, of.NbBits);
                Reload(ref stream, ref container, ref consumed, ref streamPosition);
            }

            if ((uint)literalLength > (uint)(literalCount - litPos))
            {
                ZstdThrow.Corrupt(errorOffset, $"literal length {literalLength} exceeds the {literalCount - litPos} literals left");
            }

            if ((long)literalLength + matchLength > limit - op)
            {
                output.ThrowOverflow((long)op + literalLength + matchLength - output.BlockStart, dstLength);
            }

            CopyLiterals(ref dst, op, ref Unsafe.Add(ref literals, litPos), literalLength, dstLength);
            op += literalLength;
            litPos += literalLength;

            if (offset > (uint)(op - frameStart))
            {
                ZstdThrow.Corrupt(errorOffset, $"match offset {offset} reaches before the start of the frame ({op - frameStart} bytes decoded)");
            }

            CopyMatch(ref dst, op, (int)offset, matchLength, dstLength);
            op += matchLength;
        }

        reader.Container = container;
        reader.Consumed = consumed;
        reader.Position = streamPosition;
        reader.Reload();
        if (!reader.IsFinished)
        {
            ZstdThrow.Corrupt(errorOffset, "sequence bitstream is not consumed exactly");
        }

        context.Rep0 = rep0;
        context.Rep1 = rep1;
        context.Rep2 = rep2;
        position = op;
        CopyLastLiterals(context, litPos, literalCount, output, destination, ref position);
    }

    /// <summary>Reads <paramref name="count"/> bits (0..31) from the top of the unread part of the container.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Read(ulong container, ref int consumed, int count)
    {
        uint value = (uint)((container << consumed) >> 1 >> (63 - count));
        consumed += count;
        return value;
    }

    /// <summary>Same as <see cref="BackwardBitReader.Reload"/>, over locals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Reload(ref byte stream, ref ulong container, ref int consumed, ref int position)
    {
        if (position >= 8 && consumed <= 64)
        {
            position -= consumed >> 3;
            consumed &= 7;
            container = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref stream, position));
        }
        else if (position > 0 && consumed <= 64)
        {
            // Streams shorter than 8 bytes start at position 0, so this branch only runs on streams of 8+ bytes.
            int bytes = Math.Min(consumed >> 3, position);
            position -= bytes;
            consumed -= bytes * 8;
            container = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref stream, position));
        }
    }

    /// <summary>Copies the literals left after the last sequence to the output.</summary>
    public static void CopyLastLiterals(
        DecoderContext context, int litPos, int literalCount, in BlockOutput output, Span<byte> destination, ref int position)
    {
        int count = literalCount - litPos;
        if (count > output.Limit - position)
        {
            output.ThrowOverflow((long)position + count - output.BlockStart, destination.Length);
        }

        context.Literals.AsSpan(litPos, count).CopyTo(destination.Slice(position));
        position += count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyLiterals(ref byte dst, int op, ref byte source, int length, int dstLength)
    {
        ref byte target = ref Unsafe.Add(ref dst, op);
        if (dstLength - op >= length + 16)
        {
            // The literals buffer has slack, so whole 16-byte chunks never read outside it; the bytes written past
            // the literals are overwritten by the match that follows.
            Unsafe.WriteUnaligned(ref target, Unsafe.ReadUnaligned<Vector128<byte>>(ref source));
            for (int i = 16; i < length; i += 16)
            {
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, i), Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.Add(ref source, i)));
            }

            return;
        }

        Unsafe.CopyBlockUnaligned(ref target, ref source, (uint)length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyMatch(ref byte dst, int op, int offset, int length, int dstLength)
    {
        ref byte target = ref Unsafe.Add(ref dst, op);
        ref byte source = ref Unsafe.Subtract(ref target, offset);
        if (offset >= 16 && dstLength - op >= length + 16)
        {
            // Chunks never overlap the bytes they read; the tail past the match is overwritten later or left unused.
            int i = 0;
            do
            {
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, i), Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.Add(ref source, i)));
                i += 16;
            }
            while (i < length);
            return;
        }

        if (offset >= length)
        {
            Unsafe.CopyBlockUnaligned(ref target, ref source, (uint)length);
            return;
        }

        CopyOverlapping(ref target, offset, length);
    }

    /// <summary>A match overlapping its own output repeats the last <paramref name="offset"/> bytes; copy in doubling chunks.</summary>
    private static void CopyOverlapping(ref byte target, int offset, int length)
    {
        int written = 0;
        int distance = offset;
        while (written < length)
        {
            int chunk = Math.Min(distance, length - written);
            Unsafe.CopyBlockUnaligned(ref Unsafe.Add(ref target, written), ref Unsafe.Subtract(ref Unsafe.Add(ref target, written), distance), (uint)chunk);
            written += chunk;
            distance = offset + written;
        }
    }
}
