namespace Lakehouse.Parquet.Meta;

/// <summary>Header of a v1 data page.</summary>
internal sealed class DataPageHeader
{
    public int NumValues { get; set; }

    public ParquetEncoding Encoding { get; set; }

    public ParquetEncoding DefinitionLevelEncoding { get; set; } = ParquetEncoding.Rle;

    public ParquetEncoding RepetitionLevelEncoding { get; set; } = ParquetEncoding.Rle;

    public static DataPageHeader Read(ThriftCompactReader r)
    {
        var h = new DataPageHeader();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftType.I32: h.NumValues = r.ReadI32(); break;
                case 2 when type == ThriftType.I32: h.Encoding = (ParquetEncoding)r.ReadI32(); break;
                case 3 when type == ThriftType.I32: h.DefinitionLevelEncoding = (ParquetEncoding)r.ReadI32(); break;
                case 4 when type == ThriftType.I32: h.RepetitionLevelEncoding = (ParquetEncoding)r.ReadI32(); break;
                default: r.Skip(type); break;
            }
        }

        r.EndStruct();
        return h;
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.I32(1, NumValues);
        w.I32(2, (int)Encoding);
        w.I32(3, (int)DefinitionLevelEncoding);
        w.I32(4, (int)RepetitionLevelEncoding);
        w.EndStruct();
    }
}
