namespace Lakehouse.Parquet.Meta;

/// <summary>A column chunk entry of a row group.</summary>
internal sealed class ColumnChunk
{
    public string? FilePath { get; set; }

    public long FileOffset { get; set; }

    public ColumnMetaData? MetaData { get; set; }

    public static ColumnChunk Read(ThriftCompactReader r)
    {
        var c = new ColumnChunk();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftType.Binary: c.FilePath = r.ReadString(); break;
                case 2 when type == ThriftType.I64: c.FileOffset = r.ReadI64(); break;
                case 3 when type == ThriftType.Struct: c.MetaData = ColumnMetaData.Read(r); break;
                default: r.Skip(type); break;
            }
        }

        r.EndStruct();
        return c;
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.I64(2, FileOffset);
        if (MetaData is not null)
        {
            w.StructField(3);
            MetaData.Write(w);
        }

        w.EndStruct();
    }
}
