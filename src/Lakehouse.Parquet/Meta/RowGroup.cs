namespace Lakehouse.Parquet.Meta;

/// <summary>A row group entry of the footer.</summary>
internal sealed class RowGroup
{
    public List<ColumnChunk> Columns { get; set; } = [];

    public long TotalByteSize { get; set; }

    public long NumRows { get; set; }

    public long? FileOffset { get; set; }

    public long? TotalCompressedSize { get; set; }

    public short? Ordinal { get; set; }

    public static RowGroup Read(ThriftCompactReader r)
    {
        var g = new RowGroup();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftType.List:
                    var n = r.ReadListHeader(out _);
                    for (var i = 0; i < n; i++) { g.Columns.Add(ColumnChunk.Read(r)); }
                    break;
                case 2 when type == ThriftType.I64: g.TotalByteSize = r.ReadI64(); break;
                case 3 when type == ThriftType.I64: g.NumRows = r.ReadI64(); break;
                case 5 when type == ThriftType.I64: g.FileOffset = r.ReadI64(); break;
                case 6 when type == ThriftType.I64: g.TotalCompressedSize = r.ReadI64(); break;
                case 7 when type == ThriftType.I16: g.Ordinal = r.ReadI16(); break;
                default: r.Skip(type); break;
            }
        }

        r.EndStruct();
        return g;
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.ListHeader(1, ThriftType.Struct, Columns.Count);
        foreach (var c in Columns) { c.Write(w); }
        w.I64(2, TotalByteSize);
        w.I64(3, NumRows);
        if (FileOffset is { } fo) { w.I64(5, fo); }
        if (TotalCompressedSize is { } tc) { w.I64(6, tc); }
        if (Ordinal is { } o)
        {
            w.FieldHeader(7, ThriftType.I16);
            w.RawI32(o);
        }

        w.EndStruct();
    }
}
