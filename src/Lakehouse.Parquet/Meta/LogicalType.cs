namespace Lakehouse.Parquet.Meta;

/// <summary>The parquet.thrift <c>LogicalType</c> union, flattened: the kind plus the parameters some kinds carry.</summary>
internal sealed class LogicalType
{
    public LogicalTypeKind Kind { get; set; }

    public int Scale { get; set; }

    public int Precision { get; set; }

    public bool IsAdjustedToUtc { get; set; }

    public TimeUnit Unit { get; set; } = TimeUnit.Micros;

    public int BitWidth { get; set; }

    public bool IsSigned { get; set; } = true;

    public static LogicalType Read(ThriftCompactReader r)
    {
        var t = new LogicalType();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            if (type != ThriftType.Struct)
            {
                r.Skip(type);
                continue;
            }

            t.Kind = (LogicalTypeKind)id;
            switch (t.Kind)
            {
                case LogicalTypeKind.Decimal:
                    r.BeginStruct();
                    while (r.NextField(out var f, out var ft))
                    {
                        if (f == 1 && ft == ThriftType.I32) { t.Scale = r.ReadI32(); }
                        else if (f == 2 && ft == ThriftType.I32) { t.Precision = r.ReadI32(); }
                        else { r.Skip(ft); }
                    }

                    r.EndStruct();
                    break;
                case LogicalTypeKind.Time:
                case LogicalTypeKind.Timestamp:
                    r.BeginStruct();
                    while (r.NextField(out var f, out var ft))
                    {
                        if (f == 1 && ft is ThriftType.BoolTrue or ThriftType.BoolFalse) { t.IsAdjustedToUtc = r.ReadBool(); }
                        else if (f == 2 && ft == ThriftType.Struct) { t.Unit = ReadUnit(r); }
                        else { r.Skip(ft); }
                    }

                    r.EndStruct();
                    break;
                case LogicalTypeKind.Integer:
                    r.BeginStruct();
                    while (r.NextField(out var f, out var ft))
                    {
                        if (f == 1 && ft == ThriftType.Byte) { t.BitWidth = (sbyte)r.ReadByte(); }
                        else if (f == 2 && ft is ThriftType.BoolTrue or ThriftType.BoolFalse) { t.IsSigned = r.ReadBool(); }
                        else { r.Skip(ft); }
                    }

                    r.EndStruct();
                    break;
                default:
                    r.Skip(ThriftType.Struct);
                    break;
            }
        }

        r.EndStruct();
        return t;
    }

    private static TimeUnit ReadUnit(ThriftCompactReader r)
    {
        var unit = TimeUnit.Micros;
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            if (type == ThriftType.Struct && id is >= 1 and <= 3)
            {
                unit = (TimeUnit)id;
            }

            r.Skip(type);
        }

        r.EndStruct();
        return unit;
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.StructField((short)Kind);
        w.BeginStruct();
        switch (Kind)
        {
            case LogicalTypeKind.Decimal:
                w.I32(1, Scale);
                w.I32(2, Precision);
                break;
            case LogicalTypeKind.Time:
            case LogicalTypeKind.Timestamp:
                w.Bool(1, IsAdjustedToUtc);
                w.StructField(2);
                w.BeginStruct();
                w.StructField((short)Unit);
                w.BeginStruct();
                w.EndStruct();
                w.EndStruct();
                break;
            case LogicalTypeKind.Integer:
                w.Byte(1, (sbyte)BitWidth);
                w.Bool(2, IsSigned);
                break;
        }

        w.EndStruct();
        w.EndStruct();
    }
}
