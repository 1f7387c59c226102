namespace Lakehouse.Parquet.Meta;

/// <summary>Unit of TIME and TIMESTAMP logical types (a Thrift union of empty structs; field id = value).</summary>
internal enum TimeUnit
{
    Millis = 1,
    Micros = 2,
    Nanos = 3,
}
