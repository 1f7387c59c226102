namespace Lakehouse.Parquet.Meta;

/// <summary>One node of the flattened (depth-first) schema in the footer.</summary>
internal sealed class SchemaElement
{
    public PhysicalType? Type { get; set; }

    public int? TypeLength { get; set; }

    public Repetition? RepetitionType { get; set; }

    public string Name { get; set; } = string.Empty;

    public int? NumChildren { get; set; }

    public ConvertedType? ConvertedType { get; set; }

    public int? Scale { get; set; }

    public int? Precision { get; set; }

    public int? FieldId { get; set; }

    public LogicalType? LogicalType { get; set; }

    public static SchemaElement Read(ThriftCompactReader r)
    {
        var e = new SchemaElement();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftType.I32: e.Type = (PhysicalType)r.ReadI32(); break;
                case 2 when type == ThriftType.I32: e.TypeLength = r.ReadI32(); break;
                case 3 when type == ThriftType.I32: e.RepetitionType = (Repetition)r.ReadI32(); break;
                case 4 when type == ThriftType.Binary: e.Name = r.ReadString(); break;
                case 5 when type == ThriftType.I32: e.NumChildren = r.ReadI32(); break;
                case 6 when type == ThriftType.I32: e.ConvertedType = (ConvertedType)r.ReadI32(); break;
                case 7 when type == ThriftType.I32: e.Scale = r.ReadI32(); break;
                case 8 when type == ThriftType.I32: e.Precision = r.ReadI32(); break;
                case 9 when type == ThriftType.I32: e.FieldId = r.ReadI32(); break;
                case 10 when type == ThriftType.Struct: e.LogicalType = LogicalType.Read(r); break;
                default: r.Skip(type); break;
            }
        }

        r.EndStruct();
        return e;
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        if (Type is { } t) { w.I32(1, (int)t); }
        if (TypeLength is { } tl) { w.I32(2, tl); }
        if (RepetitionType is { } rt) { w.I32(3, (int)rt); }
        w.String(4, Name);
        if (NumChildren is { } nc) { w.I32(5, nc); }
        if (ConvertedType is { } ct) { w.I32(6, (int)ct); }
        if (Scale is { } s) { w.I32(7, s); }
        if (Precision is { } p) { w.I32(8, p); }
        if (FieldId is { } f) { w.I32(9, f); }
        if (LogicalType is { } lt)
        {
            w.StructField(10);
            lt.Write(w);
        }

        w.EndStruct();
    }
}
