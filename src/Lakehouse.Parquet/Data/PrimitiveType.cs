namespace Lakehouse.Parquet.Data;

/// <summary>A non-nested, non-decimal type. Use the singletons on <see cref="DataType"/>.</summary>
public sealed record PrimitiveType : DataType
{
    internal PrimitiveType(TypeKind kind)
        : base(kind)
    {
        if (kind is TypeKind.Decimal or TypeKind.Struct or TypeKind.Array or TypeKind.Map)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a primitive type.");
        }
    }

    public override string SimpleName => Kind switch
    {
        TypeKind.Boolean => "boolean",
        TypeKind.Byte => "byte",
        TypeKind.Short => "short",
        TypeKind.Integer => "integer",
        TypeKind.Long => "long",
        TypeKind.Float => "float",
        TypeKind.Double => "double",
        TypeKind.String => "string",
        TypeKind.Binary => "binary",
        TypeKind.Date => "date",
        TypeKind.Timestamp => "timestamp",
        _ => throw new InvalidOperationException($"Unexpected kind {Kind}."),
    };

    public override string ToString() => SimpleName;
}
