namespace Lakehouse.Parquet.Data;

/// <summary>A list of elements of one type.</summary>
public sealed record ArrayType(DataType ElementType, bool ContainsNull = true) : DataType(TypeKind.Array)
{
    public override string SimpleName => "array";

    public override string ToString() => $"array<{ElementType}>";
}
