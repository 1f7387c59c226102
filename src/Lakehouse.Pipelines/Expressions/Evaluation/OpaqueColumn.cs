using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>A nested (struct, array, map) column passed through untouched: it can be selected and tested for null only.</summary>
internal sealed class OpaqueColumn : EvalColumn
{
    public OpaqueColumn(ColumnVector vector)
        : base(vector.Type, vector.Count, false, vector.NullMask)
    {
        Vector = vector;
    }

    public ColumnVector Vector { get; }

    public override ColumnVector ToVector() => Vector;

    public override void AppendTo(ColumnVector vector, int row) => vector.AppendValue(Vector.GetValue(row));
}
