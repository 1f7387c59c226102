using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Binding;

internal sealed class BoundNot : BoundExpression
{
    public BoundNot(BoundExpression operand, int offset)
        : base(DataType.Boolean, offset)
    {
        Operand = operand;
    }

    public BoundExpression Operand { get; }

    public override IEnumerable<BoundExpression> Children => [Operand];

    public override EvalColumn Evaluate(EvaluationScope scope, bool[]? active) =>
        LogicKernels.Not((PrimitiveColumn<bool>)Operand.Evaluate(scope, active));
}
