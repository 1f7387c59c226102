using System.Runtime.CompilerServices;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>Fixed-width values: bool, int (byte/short/int/date), long (long/timestamp), float, double, Int128 (decimal unscaled).</summary>
internal sealed class PrimitiveColumn<T> : EvalColumn
    where T : unmanaged
{
    public PrimitiveColumn(DataType type, ReadOnlyMemory<T> values, ReadOnlyMemory<bool> nulls, bool isScalar = false)
        : base(type, values.Length, isScalar, nulls)
    {
        Values = values;
    }

    public ReadOnlyMemory<T> Values { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T ValueAt(int row) => Values.Span[IsScalar ? 0 : row];

    public static PrimitiveColumn<T> Scalar(DataType type, T value) => new(type, new[] { value }, ReadOnlyMemory<bool>.Empty, true);

    public static PrimitiveColumn<T> NullScalar(DataType type) => new(type, new T[1], NullMasks.SingleNull, true);

    public override ColumnVector ToVector()
    {
        var vector = ColumnVector.Create(Type, Length);
        var typed = (PrimitiveVector<T>)vector;
        typed.AppendRange(Values.Span, Nulls.Span);
        return vector;
    }

    /// <summary>Expands a scalar to <paramref name="rows"/> rows (for consumers that need a per-row buffer).</summary>
    public PrimitiveColumn<T> Broadcast(int rows)
    {
        if (!IsScalar)
        {
            return this;
        }

        var values = new T[rows];
        values.AsSpan().Fill(Values.Span[0]);
        var nulls = ReadOnlyMemory<bool>.Empty;
        if (IsNull(0))
        {
            var mask = new bool[rows];
            mask.AsSpan().Fill(true);
            nulls = mask;
        }

        return new PrimitiveColumn<T>(Type, values, nulls);
    }

    public override void AppendAllTo(ColumnVector vector, int rows)
    {
        if (IsScalar)
        {
            base.AppendAllTo(vector, rows);
            return;
        }

        ((PrimitiveVector<T>)vector).AppendRange(Values.Span[..rows], Nulls.IsEmpty ? default : Nulls.Span[..rows]);
    }

    public override void AppendTo(ColumnVector vector, int row)
    {
        if (IsNull(row))
        {
            vector.AppendNull();
        }
        else
        {
            ((PrimitiveVector<T>)vector).Append(ValueAt(row));
        }
    }
}
