namespace Lakehouse.Parquet.Data;

/// <summary>A map from non-null keys to values.</summary>
public sealed record MapType(DataType KeyType, DataType ValueType, bool ValueContainsNull = true) : DataType(TypeKind.Map)
{
    public override string SimpleName => "map";

    public override string ToString() => $"map<{KeyType}, {ValueType}>";
}
