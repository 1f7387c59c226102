namespace Lakehouse.Parquet.Meta;

/// <summary>The Parquet footer.</summary>
internal sealed class FileMetaData
{
    public int Version { get; set; } = 1;

    public List<SchemaElement> Schema { get; set; } = [];

    public long NumRows { get; set; }

    public List<RowGroup> RowGroups { get; set; } = [];

    public List<KeyValue> KeyValueMetadata { get; set; } = [];

    public string? CreatedBy { get; set; }

    /// <summary>True when the footer declares TYPE_ORDER column orders (min_value/max_value are trustworthy).</summary>
    public bool HasColumnOrders { get; set; }

    public static FileMetaData Read(ThriftCompactReader r)
    {
        var m = new FileMetaData();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftType.I32: m.Version = r.ReadI32(); break;
                case 2 when type == ThriftType.List:
                    var n = r.ReadListHeader(out _);
                    for (var i = 0; i < n; i++) { m.Schema.Add(SchemaElement.Read(r)); }
                    break;
                case 3 when type == ThriftType.I64: m.NumRows = r.ReadI64(); break;
                case 4 when type == ThriftType.List:
                    var g = r.ReadListHeader(out _);
                    for (var i = 0; i < g; i++) { m.RowGroups.Add(RowGroup.Read(r)); }
                    break;
                case 5 when type == ThriftType.List:
                    var k = r.ReadListHeader(out _);
                    for (var i = 0; i < k; i++) { m.KeyValueMetadata.Add(KeyValue.Read(r)); }
                    break;
                case 6 when type == ThriftType.Binary: m.CreatedBy = r.ReadString(); break;
                case 7 when type == ThriftType.List:
                    m.HasColumnOrders = true;
                    r.Skip(ThriftType.List);
                    break;
                case 8:
                    throw new ThriftException("The file is encrypted (encryption_algorithm is set); encrypted Parquet is not supported.");
                default: r.Skip(type); break;
            }
        }

        r.EndStruct();
        return m;
    }

    public void Write(ThriftCompactWriter w, int leafCount)
    {
        w.BeginStruct();
        w.I32(1, Version);
        w.ListHeader(2, ThriftType.Struct, Schema.Count);
        foreach (var s in Schema) { s.Write(w); }
        w.I64(3, NumRows);
        w.ListHeader(4, ThriftType.Struct, RowGroups.Count);
        foreach (var g in RowGroups) { g.Write(w); }
        if (KeyValueMetadata.Count > 0)
        {
            w.ListHeader(5, ThriftType.Struct, KeyValueMetadata.Count);
            foreach (var kv in KeyValueMetadata) { kv.Write(w); }
        }

        if (CreatedBy is not null) { w.String(6, CreatedBy); }

        // column_orders: TYPE_ORDER for every leaf, declaring min_value/max_value use the logical type's order.
        w.ListHeader(7, ThriftType.Struct, leafCount);
        for (var i = 0; i < leafCount; i++)
        {
            w.BeginStruct();
            w.StructField(1);
            w.BeginStruct();
            w.EndStruct();
            w.EndStruct();
        }

        w.EndStruct();
    }
}
