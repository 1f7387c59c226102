using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary><c>x IS [NOT] NULL</c>: never null itself; works on every type, nested ones included.</summary>
internal sealed class BoundIsNull : BoundExpression
{
    public BoundIsNull(BoundExpression operand, bool negated, int offset)
        : base(DataType.Boolean, offset)
    {
        Operand = operand;
        Negated = negated;
    }

    public BoundExpression Operand { get; }

    public bool Negated { get; }

    public override IEnumerable<BoundExpression> Children => [Operand];

    public override EvalColumn Evaluate(EvaluationScope scope, bool[]? active)
    {
        var value = Operand.Evaluate(scope, active);
        var rows = value.IsScalar ? 1 : value.Length;
        var values = new bool[rows];
        if (value.HasNulls)
        {
            if (Negated)
            {
                NullMasks.Not(value.Nulls.Span[..rows], values);
            }
            else
            {
                value.Nulls.Span[..rows].CopyTo(values);
            }
        }
        else if (Negated)
        {
            values.AsSpan().Fill(true);
        }

        return new PrimitiveColumn<bool>(DataType.Boolean, values, ReadOnlyMemory<bool>.Empty, value.IsScalar);
    }
}
