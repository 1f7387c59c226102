using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>Wraps a batch's vector as an <see cref="EvalColumn"/> over the same buffers (no copy).</summary>
internal static class ColumnReader
{
    public static EvalColumn Read(ColumnVector vector) => vector switch
    {
        BooleanVector v => new PrimitiveColumn<bool>(v.Type, v.ValuesMemory, v.NullMask),
        Int32Vector v => new PrimitiveColumn<int>(v.Type, v.ValuesMemory, v.NullMask),
        Int64Vector v => new PrimitiveColumn<long>(v.Type, v.ValuesMemory, v.NullMask),
        FloatVector v => new PrimitiveColumn<float>(v.Type, v.ValuesMemory, v.NullMask),
        DoubleVector v => new PrimitiveColumn<double>(v.Type, v.ValuesMemory, v.NullMask),
        DecimalVector v => new PrimitiveColumn<Int128>(v.Type, v.ValuesMemory, v.NullMask),
        BinaryVector v => new BinaryColumn(v.Type, v.DataMemory, v.OffsetsMemory, v.NullMask),
        _ => new OpaqueColumn(vector),
    };

    /// <summary>Rows [<paramref name="offset"/>, offset + <paramref name="count"/>) of <paramref name="vector"/>, still without copying (flat types only).</summary>
    public static EvalColumn Read(ColumnVector vector, int offset, int count)
    {
        if (offset == 0 && count == vector.Count)
        {
            return Read(vector);
        }

        var nulls = vector.NullMask;
        nulls = nulls.IsEmpty ? nulls : nulls.Slice(offset, count);
        return vector switch
        {
            BooleanVector v => new PrimitiveColumn<bool>(v.Type, v.ValuesMemory.Slice(offset, count), nulls),
            Int32Vector v => new PrimitiveColumn<int>(v.Type, v.ValuesMemory.Slice(offset, count), nulls),
            Int64Vector v => new PrimitiveColumn<long>(v.Type, v.ValuesMemory.Slice(offset, count), nulls),
            FloatVector v => new PrimitiveColumn<float>(v.Type, v.ValuesMemory.Slice(offset, count), nulls),
            DoubleVector v => new PrimitiveColumn<double>(v.Type, v.ValuesMemory.Slice(offset, count), nulls),
            DecimalVector v => new PrimitiveColumn<Int128>(v.Type, v.ValuesMemory.Slice(offset, count), nulls),
            BinaryVector v => new BinaryColumn(v.Type, v.DataMemory, v.OffsetsMemory.Slice(offset, count + 1), nulls),
            _ => throw new InvalidOperationException($"A {vector.Type} column cannot be sliced."),
        };
    }

    /// <summary>An all-null column of <paramref name="type"/> as a scalar.</summary>
    public static EvalColumn NullScalar(DataType type) => type.Kind switch
    {
        TypeKind.Boolean => PrimitiveColumn<bool>.NullScalar(type),
        TypeKind.Byte or TypeKind.Short or TypeKind.Integer or TypeKind.Date => PrimitiveColumn<int>.NullScalar(type),
        TypeKind.Long or TypeKind.Timestamp => PrimitiveColumn<long>.NullScalar(type),
        TypeKind.Float => PrimitiveColumn<float>.NullScalar(type),
        TypeKind.Double => PrimitiveColumn<double>.NullScalar(type),
        TypeKind.Decimal => PrimitiveColumn<Int128>.NullScalar(type),
        TypeKind.String or TypeKind.Binary => BinaryColumn.NullScalar(type),
        _ => NestedNull(type),
    };

    private static OpaqueColumn NestedNull(DataType type)
    {
        var vector = ColumnVector.Create(type, 1);
        vector.AppendNull();
        return new OpaqueColumn(vector);
    }

    /// <summary>A scalar holding <paramref name="value"/> (canonical boxed form, see <see cref="ColumnVector.GetValue"/>).</summary>
    public static EvalColumn Scalar(DataType type, object? value)
    {
        if (value is null)
        {
            return NullScalar(type);
        }

        var vector = ColumnVector.Create(type, 1);
        vector.AppendValue(value);
        var column = Read(vector);
        return column switch
        {
            PrimitiveColumn<bool> c => new PrimitiveColumn<bool>(type, c.Values, default, true),
            PrimitiveColumn<int> c => new PrimitiveColumn<int>(type, c.Values, default, true),
            PrimitiveColumn<long> c => new PrimitiveColumn<long>(type, c.Values, default, true),
            PrimitiveColumn<float> c => new PrimitiveColumn<float>(type, c.Values, default, true),
            PrimitiveColumn<double> c => new PrimitiveColumn<double>(type, c.Values, default, true),
            PrimitiveColumn<Int128> c => new PrimitiveColumn<Int128>(type, c.Values, default, true),
            BinaryColumn c => new BinaryColumn(type, c.Data, c.Offsets, default, true),
            _ => column,
        };
    }
}
