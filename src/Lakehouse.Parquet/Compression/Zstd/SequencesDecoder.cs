namespace Lakehouse.Parquet.Compression.Zstd;

/// <summary>
/// Reads the sequences section header of a compressed block (RFC 8878 section 3.1.1.3.2): the number of sequences,
/// the compression mode of each field and the tables they need, then hands the bitstream to
/// <see cref="SequenceExecutor"/>.
/// </summary>
internal static class SequencesDecoder
{
    public static void DecodeAndExecute(
        ReadOnlySpan<byte> section,
        long sectionOffset,
        DecoderContext context,
        int literalCount,
        in BlockOutput output,
        Span<byte> destination,
        ref int position)
    {
        if (section.IsEmpty)
        {
            ZstdThrow.Truncated(sectionOffset, "the sequences section header", 1, 0);
        }

        int b0 = section[0];
        int sequenceCount;
        int pos;
        if (b0 < 128)
        {
            sequenceCount = b0;
            pos = 1;
        }
        else if (b0 < 255)
        {
            RequireBytes(section, 2, sectionOffset);
            sequenceCount = ((b0 - 128) << 8) + section[1];
            pos = 2;
        }
        else
        {
            RequireBytes(section, 3, sectionOffset);
            sequenceCount = section[1] + (section[2] << 8) + 0x7F00;
            pos = 3;
        }

        if (sequenceCount == 0)
        {
            if (pos != section.Length)
            {
                ZstdThrow.Corrupt(sectionOffset, "data follows a sequences section with no sequences");
            }

            SequenceExecutor.CopyLastLiterals(context, 0, literalCount, output, destination, ref position);
            return;
        }

        RequireBytes(section, pos + 1, sectionOffset);
        int modes = section[pos];
        if ((modes & 3) != 0)
        {
            ZstdThrow.Corrupt(sectionOffset + pos, "reserved bits of the symbol compression modes are set");
        }

        pos++;
        pos += LoadTable(SequenceField.LiteralLength, modes >> 6, section, pos, sectionOffset, context);
        pos += LoadTable(SequenceField.Offset, (modes >> 4) & 3, section, pos, sectionOffset, context);
        pos += LoadTable(SequenceField.MatchLength, (modes >> 2) & 3, section, pos, sectionOffset, context);

        SequenceExecutor.Execute(
            section.Slice(pos), sectionOffset + pos, sequenceCount, context, literalCount, output, destination, ref position);
    }

    private static int LoadTable(SequenceField field, int mode, ReadOnlySpan<byte> section, int pos, long sectionOffset, DecoderContext context)
    {
        long offset = sectionOffset + pos;
        switch (mode)
        {
            case 0:
                SetPredefined(field, context);
                return 0;
            case 1:
                {
                    RequireBytes(section, pos + 1, sectionOffset);
                    int symbol = section[pos];
                    if (symbol > SequenceCodes.MaxSymbol(field))
                    {
                        ZstdThrow.Corrupt(offset, $"RLE {field} code {symbol} is out of range");
                    }

                    SequenceEntry[] table = context.BufferFor(field);
                    SequenceCodes.Resolve(field, symbol, out uint baseValue, out byte extraBits);
                    table[0] = new SequenceEntry { BaseValue = baseValue, NbExtraBits = extraBits };
                    context.SetTable(field, table, 0);
                    return 1;
                }

            case 2:
                {
                    Span<short> counts = context.CountsScratch;
                    int size = FseNormalizedCounts.Read(
                        section.Slice(pos), offset, SequenceCodes.MaxSymbol(field), SequenceCodes.MaxLog(field),
                        counts, out int symbolCount, out int tableLog);
                    Span<FseEntry> fse = context.FseScratch.AsSpan(0, 1 << tableLog);
                    FseTableBuilder.Build(counts.Slice(0, symbolCount), tableLog, fse, offset);
                    SequenceEntry[] table = context.BufferFor(field);
                    SequenceCodes.Convert(field, fse, table);
                    context.SetTable(field, table, tableLog);
                    return size;
                }

            default:
                if (!context.HasTable(field))
                {
                    ZstdThrow.Corrupt(offset, $"{field} table in repeat mode but no previous table in this frame");
                }

                return 0;
        }
    }

    private static void SetPredefined(SequenceField field, DecoderContext context)
    {
        switch (field)
        {
            case SequenceField.LiteralLength:
                context.SetTable(field, SequenceCodes.PredefinedLiteralLengths, 6);
                break;
            case SequenceField.MatchLength:
                context.SetTable(field, SequenceCodes.PredefinedMatchLengths, 6);
                break;
            default:
                context.SetTable(field, SequenceCodes.PredefinedOffsets, 5);
                break;
        }
    }

    private static void RequireBytes(ReadOnlySpan<byte> section, int needed, long sectionOffset)
    {
        if (section.Length < needed)
        {
            ZstdThrow.Truncated(sectionOffset, "the sequences section header", needed, section.Length);
        }
    }
}
