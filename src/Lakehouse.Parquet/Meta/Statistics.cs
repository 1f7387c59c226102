namespace Lakehouse.Parquet.Meta;

/// <summary>Column chunk or page statistics; min/max are PLAIN-encoded values (strings as raw bytes).</summary>
internal sealed class Statistics
{
    /// <summary>Deprecated field 1: max with the writer's (possibly signed-byte) ordering.</summary>
    public byte[]? LegacyMax { get; set; }

    public byte[]? LegacyMin { get; set; }

    public long? NullCount { get; set; }

    public long? DistinctCount { get; set; }

    public byte[]? MaxValue { get; set; }

    public byte[]? MinValue { get; set; }

    public static Statistics Read(ThriftCompactReader r)
    {
        var s = new Statistics();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftType.Binary: s.LegacyMax = r.ReadBinary(); break;
                case 2 when type == ThriftType.Binary: s.LegacyMin = r.ReadBinary(); break;
                case 3 when type == ThriftType.I64: s.NullCount = r.ReadI64(); break;
                case 4 when type == ThriftType.I64: s.DistinctCount = r.ReadI64(); break;
                case 5 when type == ThriftType.Binary: s.MaxValue = r.ReadBinary(); break;
                case 6 when type == ThriftType.Binary: s.MinValue = r.ReadBinary(); break;
                default: r.Skip(type); break;
            }
        }

        r.EndStruct();
        return s;
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        if (LegacyMax is not null) { w.Binary(1, LegacyMax); }
        if (LegacyMin is not null) { w.Binary(2, LegacyMin); }
        if (NullCount is { } n) { w.I64(3, n); }
        if (DistinctCount is { } d) { w.I64(4, d); }
        if (MaxValue is not null) { w.Binary(5, MaxValue); }
        if (MinValue is not null) { w.Binary(6, MinValue); }
        w.EndStruct();
    }
}
