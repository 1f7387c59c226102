using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary>CAST / try_cast, also inserted by the binder for implicit widening (those never fail).</summary>
internal sealed class BoundCast : BoundExpression
{
    public BoundCast(BoundExpression operand, DataType target, bool isTry, int offset)
        : base(target, offset)
    {
        Operand = operand;
        IsTry = isTry;
    }

    public BoundExpression Operand { get; }

    public bool IsTry { get; }

    public override IEnumerable<BoundExpression> Children => [Operand];

    public override EvalColumn Evaluate(EvaluationScope scope, bool[]? active) =>
        CastKernels.Cast(Operand.Evaluate(scope, active), new CastRequest(Type, IsTry, scope, active, Offset));
}
