using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary>
/// A type-checked expression node that evaluates itself over a whole batch. Operands are already coerced
/// (the binder inserts casts), so kernels see operands of the types they expect. <c>active</c>, when given, marks
/// the rows whose results matter (CASE branches): errors such as overflow or a failed CAST are raised only for active rows.
/// </summary>
internal abstract class BoundExpression
{
    protected BoundExpression(DataType type, int offset)
    {
        Type = type;
        Offset = offset;
    }

    public DataType Type { get; }

    /// <summary>Offset of the node within the expression text.</summary>
    public int Offset { get; }

    public abstract IEnumerable<BoundExpression> Children { get; }

    /// <summary>False for nodes whose value depends on the run (current_date()) rather than the operands; such nodes are not folded.</summary>
    public virtual bool IsFoldable => Children.All(c => c.IsFoldable);

    public abstract EvalColumn Evaluate(EvaluationScope scope, bool[]? active);
}
