using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary>A column, or a field nested in struct columns, located by ordinals (resolved once at bind time).</summary>
internal sealed class BoundColumn : BoundExpression
{
    public BoundColumn(string name, IReadOnlyList<int> ordinals, DataType type, int offset)
        : base(type, offset)
    {
        Name = name;
        Ordinals = ordinals;
    }

    public string Name { get; }

    public IReadOnlyList<int> Ordinals { get; }

    public override IEnumerable<BoundExpression> Children => [];

    public override bool IsFoldable => false;

    public override EvalColumn Evaluate(EvaluationScope scope, bool[]? active) =>
        ColumnReader.Read(Resolve(scope.Batch!), scope.RowOffset, scope.RowCount);

    public ColumnVector Resolve(RecordBatch batch)
    {
        var vector = batch.Columns[Ordinals[0]];
        for (var i = 1; i < Ordinals.Count; i++)
        {
            vector = ((StructVector)vector).Children[Ordinals[i]];
        }

        return vector;
    }
}
