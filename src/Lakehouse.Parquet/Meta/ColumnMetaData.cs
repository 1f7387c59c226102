namespace Lakehouse.Parquet.Meta;

/// <summary>Metadata of one column chunk: type, encodings, codec, sizes, offsets and statistics.</summary>
internal sealed class ColumnMetaData
{
    public PhysicalType Type { get; set; }

    public List<ParquetEncoding> Encodings { get; set; } = [];

    public List<string> PathInSchema { get; set; } = [];

    public CompressionCodec Codec { get; set; }

    public long NumValues { get; set; }

    public long TotalUncompressedSize { get; set; }

    public long TotalCompressedSize { get; set; }

    public long DataPageOffset { get; set; }

    public long? IndexPageOffset { get; set; }

    public long? DictionaryPageOffset { get; set; }

    public Statistics? Statistics { get; set; }

    public static ColumnMetaData Read(ThriftCompactReader r)
    {
        var m = new ColumnMetaData();
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftType.I32: m.Type = (PhysicalType)r.ReadI32(); break;
                case 2 when type == ThriftType.List:
                    var n = r.ReadListHeader(out _);
                    for (var i = 0; i < n; i++) { m.Encodings.Add((ParquetEncoding)r.ReadI32()); }
                    break;
                case 3 when type == ThriftType.List:
                    var p = r.ReadListHeader(out _);
                    for (var i = 0; i < p; i++) { m.PathInSchema.Add(r.ReadString()); }
                    break;
                case 4 when type == ThriftType.I32: m.Codec = (CompressionCodec)r.ReadI32(); break;
                case 5 when type == ThriftType.I64: m.NumValues = r.ReadI64(); break;
                case 6 when type == ThriftType.I64: m.TotalUncompressedSize = r.ReadI64(); break;
                case 7 when type == ThriftType.I64: m.TotalCompressedSize = r.ReadI64(); break;
                case 9 when type == ThriftType.I64: m.DataPageOffset = r.ReadI64(); break;
                case 10 when type == ThriftType.I64: m.IndexPageOffset = r.ReadI64(); break;
                case 11 when type == ThriftType.I64: m.DictionaryPageOffset = r.ReadI64(); break;
                case 12 when type == ThriftType.Struct: m.Statistics = Statistics.Read(r); break;
                default: r.Skip(type); break;
            }
        }

        r.EndStruct();
        return m;
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.I32(1, (int)Type);
        w.ListHeader(2, ThriftType.I32, Encodings.Count);
        foreach (var e in Encodings) { w.RawI32((int)e); }
        w.ListHeader(3, ThriftType.Binary, PathInSchema.Count);
        foreach (var s in PathInSchema) { w.RawString(s); }
        w.I32(4, (int)Codec);
        w.I64(5, NumValues);
        w.I64(6, TotalUncompressedSize);
        w.I64(7, TotalCompressedSize);
        w.I64(9, DataPageOffset);
        if (IndexPageOffset is { } ip) { w.I64(10, ip); }
        if (DictionaryPageOffset is { } dp) { w.I64(11, dp); }
        if (Statistics is not null)
        {
            w.StructField(12);
            Statistics.Write(w);
        }

        w.EndStruct();
    }
}
