namespace Lakehouse.Parquet.Meta;

/// <summary>Header of a v2 data page: levels are stored uncompressed before the (optionally compressed) values.</summary>
internal sealed class DataPageHeaderV2
{
    public int NumValues { get; set; }

    public int NumNulls { get; set; }

    public int NumRows { get; set; }

    public ParquetEncoding Encoding { get; set; }

    public int DefinitionLevelsByteLength { get; set; }

    public int RepetitionLevelsByteLength { get; set; }

    public bool IsCompressed { get; set; } = true;

    public static DataPageHeaderV2 Read(ThriftCompactReader r)
    {
        var h = new DataPageHeaderV2();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftType.I32: h.NumValues = r.ReadI32(); break;
                case 2 when type == ThriftType.I32: h.NumNulls = r.ReadI32(); break;
                case 3 when type == ThriftType.I32: h.NumRows = r.ReadI32(); break;
                case 4 when type == ThriftType.I32: h.Encoding = (ParquetEncoding)r.ReadI32(); break;
                case 5 when type == ThriftType.I32: h.DefinitionLevelsByteLength = r.ReadI32(); break;
                case 6 when type == ThriftType.I32: h.RepetitionLevelsByteLength = r.ReadI32(); break;
                case 7 when type is ThriftType.BoolTrue or ThriftType.BoolFalse: h.IsCompressed = r.ReadBool(); break;
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
        w.I32(2, NumNulls);
        w.I32(3, NumRows);
        w.I32(4, (int)Encoding);
        w.I32(5, DefinitionLevelsByteLength);
        w.I32(6, RepetitionLevelsByteLength);
        w.Bool(7, IsCompressed);
        w.EndStruct();
    }
}
