using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>
/// An intermediate result of vectorized evaluation: either one value per row, or a scalar (<see cref="IsScalar"/>,
/// stored once and broadcast). Null rows hold meaningless values; readers must consult <see cref="Nulls"/>
/// (empty when no row is null). Input columns wrap the batch's buffers without copying.
/// </summary>
internal abstract class EvalColumn
{
    protected EvalColumn(DataType type, int length, bool isScalar, ReadOnlyMemory<bool> nulls)
    {
        Type = type;
        Length = length;
        IsScalar = isScalar;
        Nulls = nulls;
    }

    public DataType Type { get; }

    /// <summary>Rows the column stands for (a scalar stands for every row of the batch).</summary>
    public int Length { get; }

    public bool IsScalar { get; }

    public ReadOnlyMemory<bool> Nulls { get; }

    public bool HasNulls => !Nulls.IsEmpty;

    /// <summary>A scalar NULL: every row is null.</summary>
    public bool IsNullScalar => IsScalar && !Nulls.IsEmpty && Nulls.Span[0];

    public bool IsNull(int row) => !Nulls.IsEmpty && Nulls.Span[IsScalar ? 0 : row];

    /// <summary>Materialises the column as a vector of <see cref="Type"/> with <see cref="Length"/> rows.</summary>
    public abstract ColumnVector ToVector();

    /// <summary>Appends rows [0, <paramref name="rows"/>) to a vector of the same type (a scalar repeats its value).</summary>
    public virtual void AppendAllTo(ColumnVector vector, int rows)
    {
        for (var i = 0; i < rows; i++)
        {
            AppendTo(vector, IsScalar ? 0 : i);
        }
    }

    /// <summary>Row <paramref name="row"/> boxed as <see cref="ColumnVector.GetValue"/> would (slow path: folding, tests).</summary>
    public object? GetValue(int row)
    {
        if (IsNull(row))
        {
            return null;
        }

        var vector = ColumnVector.Create(Type, 1);
        AppendTo(vector, IsScalar ? 0 : row);
        return vector.GetValue(0);
    }

    /// <summary>Appends row <paramref name="row"/> to a vector of the same type (slow path).</summary>
    public abstract void AppendTo(ColumnVector vector, int row);
}
