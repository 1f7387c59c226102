using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary>
/// AND / OR with three-valued logic. The right side is evaluated only for rows the left side does not decide
/// (passed as <c>active</c>), so <c>x &lt;&gt; 0 AND CAST(s AS int) &gt; 0</c> style guards behave as users expect.
/// </summary>
internal sealed class BoundLogical : BoundExpression
{
    public BoundLogical(bool isAnd, BoundExpression left, BoundExpression right, int offset)
        : base(DataType.Boolean, offset)
    {
        IsAnd = isAnd;
        Left = left;
        Right = right;
    }

    public bool IsAnd { get; }

    public BoundExpression Left { get; }

    public BoundExpression Right { get; }

    public override IEnumerable<BoundExpression> Children => [Left, Right];

    public override EvalColumn Evaluate(EvaluationScope scope, bool[]? active)
    {
        var a = (PrimitiveColumn<bool>)Left.Evaluate(scope, active);
        bool[]? rightActive = active;
        if (!a.IsScalar && RightCanFail(Right))
        {
            rightActive = LogicKernels.ActiveWhere(a, active, IsAnd, a.Length);
        }

        var b = (PrimitiveColumn<bool>)Right.Evaluate(scope, rightActive);
        var rows = scope.RowsFor(a, b);
        return IsAnd ? LogicKernels.And(a, b, rows) : LogicKernels.Or(a, b, rows);
    }

    /// <summary>Only subtrees that can raise errors need the narrowed row set; skipping it keeps simple filters at full speed.</summary>
    private static bool RightCanFail(BoundExpression node) =>
        node is BoundCast { IsTry: false } or BoundArithmetic or BoundCall || node.Children.Any(RightCanFail);
}
