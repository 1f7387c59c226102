namespace Lakehouse.Parquet.Meta;

/// <summary>The header before every page; exactly one of the typed headers is set, matching <see cref="Type"/>.</summary>
internal sealed class PageHeader
{
    public PageType Type { get; set; }

    public int UncompressedPageSize { get; set; }

    public int CompressedPageSize { get; set; }

    public DataPageHeader? DataPageHeader { get; set; }

    public DictionaryPageHeader? DictionaryPageHeader { get; set; }

    public DataPageHeaderV2? DataPageHeaderV2 { get; set; }

    public static PageHeader Read(ThriftCompactReader r)
    {
        var h = new PageHeader();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftType.I32: h.Type = (PageType)r.ReadI32(); break;
                case 2 when type == ThriftType.I32: h.UncompressedPageSize = r.ReadI32(); break;
                case 3 when type == ThriftType.I32: h.CompressedPageSize = r.ReadI32(); break;
                case 5 when type == ThriftType.Struct: h.DataPageHeader = DataPageHeader.Read(r); break;
                case 7 when type == ThriftType.Struct: h.DictionaryPageHeader = DictionaryPageHeader.Read(r); break;
                case 8 when type == ThriftType.Struct: h.DataPageHeaderV2 = DataPageHeaderV2.Read(r); break;
                default: r.Skip(type); break;
            }
        }

        r.EndStruct();
        return h;
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.I32(1, (int)Type);
        w.I32(2, UncompressedPageSize);
        w.I32(3, CompressedPageSize);
        if (DataPageHeader is not null)
        {
            w.StructField(5);
            DataPageHeader.Write(w);
        }

        if (DictionaryPageHeader is not null)
        {
            w.StructField(7);
            DictionaryPageHeader.Write(w);
        }

        if (DataPageHeaderV2 is not null)
        {
            w.StructField(8);
            DataPageHeaderV2.Write(w);
        }

        w.EndStruct();
    }
}
