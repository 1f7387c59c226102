namespace Lakehouse.Parquet.Meta;

/// <summary>A footer key-value metadata entry.</summary>
internal sealed record KeyValue(string Key, string? Value)
{
    public static KeyValue Read(ThriftCompactReader r)
    {
        string key = string.Empty;
        string? value = null;
        r.BeginStruct();
        while (r.NextField(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == ThriftType.Binary: key = r.ReadString(); break;
                case 2 when type == ThriftType.Binary: value = r.ReadString(); break;
                default: r.Skip(type); break;
            }
        }

        r.EndStruct();
        return new KeyValue(key, value);
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.String(1, Key);
        if (Value is not null) { w.String(2, Value); }
        w.EndStruct();
    }
}
