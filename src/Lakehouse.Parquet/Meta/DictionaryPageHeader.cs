namespace Lakehouse.Parquet.Meta;

/// <summary>Header of a dictionary page.</summary>
internal sealed class DictionaryPageHeader
{
    public int NumValues { get; set; }

    public ParquetEncoding Encoding { get; set; } = ParquetEncoding.Plain;

    public static DictionaryPageHeader Read(ThriftCompactReader r)
    {
        var h = new DictionaryPageHeader();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftType.I32: h.NumValues = r.ReadI32(); break;
                case 2 when type == ThriftType.I32: h.Encoding = (ParquetEncoding)r.ReadI32(); break;
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
        w.EndStruct();
    }
}
