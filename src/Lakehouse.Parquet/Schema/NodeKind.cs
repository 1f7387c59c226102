namespace Lakehouse.Parquet.Schema;

/// <summary>How a schema node maps to the columnar model.</summary>
internal enum NodeKind
{
    Primitive,
    Struct,
    List,
    Map,
}
