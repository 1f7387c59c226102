using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Sources.Columns;

/// <summary>
/// Appends text values (UTF-8 bytes) to one typed column, parsing without allocation. <see cref="TryAppend"/>
/// appends nothing when the text does not fit the type, so the caller can append null and rescue the original text.
/// </summary>
internal abstract class ColumnAppender
{
    public abstract ColumnVector Vector { get; }

    /// <summary>True for string columns: an empty quoted value is an empty string, not null.</summary>
    public virtual bool KeepsEmptyText => false;

    public abstract bool TryAppend(ReadOnlySpan<byte> text);

    public void AppendNull() => Vector.AppendNull();

    /// <summary>An appender over <paramref name="vector"/> (emptied first), which was made by <see cref="Create"/> for the same <paramref name="type"/>.</summary>
    public static ColumnAppender Reuse(DataType type, ColumnVector vector)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(vector);
        vector.Clear();
        return type.Kind switch
        {
            TypeKind.String or TypeKind.Binary => new StringAppender((BinaryVector)vector),
            TypeKind.Long or TypeKind.Timestamp => new Int64Appender((Int64Vector)vector, type.Kind),
            TypeKind.Date => new DateAppender((Int32Vector)vector),
            TypeKind.Integer or TypeKind.Short or TypeKind.Byte => new Int32Appender((Int32Vector)vector, type.Kind),
            TypeKind.Double => new DoubleAppender((DoubleVector)vector),
            TypeKind.Float => new FloatAppender((FloatVector)vector),
            TypeKind.Boolean => new BooleanAppender((BooleanVector)vector),
            TypeKind.Decimal => new DecimalAppender((DecimalVector)vector),
            _ => new JsonTextAppender(vector),
        };
    }

    /// <summary>An appender and a fresh vector for <paramref name="type"/>.</summary>
    public static ColumnAppender Create(DataType type, int capacity)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            TypeKind.String => new StringAppender(new BinaryVector(type, capacity, capacity * 16)),
            TypeKind.Binary => new StringAppender(new BinaryVector(type, capacity, capacity * 16)),
            TypeKind.Long => new Int64Appender(new Int64Vector(type, capacity), TypeKind.Long),
            TypeKind.Timestamp => new Int64Appender(new Int64Vector(type, capacity), TypeKind.Timestamp),
            TypeKind.Date => new DateAppender(new Int32Vector(type, capacity)),
            TypeKind.Integer or TypeKind.Short or TypeKind.Byte => new Int32Appender(new Int32Vector(type, capacity), type.Kind),
            TypeKind.Double => new DoubleAppender(new DoubleVector(capacity)),
            TypeKind.Float => new FloatAppender(new FloatVector(capacity)),
            TypeKind.Boolean => new BooleanAppender(new BooleanVector(capacity)),
            TypeKind.Decimal => new DecimalAppender(new DecimalVector((DecimalType)type, capacity)),
            _ => new JsonTextAppender(ColumnVector.Create(type, capacity)),
        };
    }
}
