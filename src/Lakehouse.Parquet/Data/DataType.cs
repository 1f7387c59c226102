namespace Lakehouse.Parquet.Data;

/// <summary>
/// A logical column type. Primitive types are singletons (<see cref="Long"/>, <see cref="String"/>, ...);
/// decimals and nested types are records compared by value.
/// </summary>
public abstract record DataType(TypeKind Kind)
{
    public static readonly PrimitiveType Boolean = new(TypeKind.Boolean);
    public static readonly PrimitiveType Byte = new(TypeKind.Byte);
    public static readonly PrimitiveType Short = new(TypeKind.Short);
    public static readonly PrimitiveType Integer = new(TypeKind.Integer);
    public static readonly PrimitiveType Long = new(TypeKind.Long);
    public static readonly PrimitiveType Float = new(TypeKind.Float);
    public static readonly PrimitiveType Double = new(TypeKind.Double);
    public static readonly PrimitiveType String = new(TypeKind.String);
    public static readonly PrimitiveType Binary = new(TypeKind.Binary);
    public static readonly PrimitiveType Date = new(TypeKind.Date);
    public static readonly PrimitiveType Timestamp = new(TypeKind.Timestamp);

    /// <summary>True for struct, array and map.</summary>
    public bool IsNested => Kind is TypeKind.Struct or TypeKind.Array or TypeKind.Map;

    /// <summary>The Spark/Delta simple name: <c>long</c>, <c>decimal(10,2)</c>, <c>struct</c>, ...</summary>
    public abstract string SimpleName { get; }

    public override string ToString() => SimpleName;
}
