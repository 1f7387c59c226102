using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary>Unary minus; negating the smallest int/long is an overflow error.</summary>
internal sealed class BoundNegate : BoundExpression
{
    public BoundNegate(BoundExpression operand, int offset)
        : base(operand.Type, offset)
    {
        Operand = operand;
    }

    public BoundExpression Operand { get; }

    public override IEnumerable<BoundExpression> Children => [Operand];

    public override EvalColumn Evaluate(EvaluationScope scope, bool[]? active)
    {
        var value = Operand.Evaluate(scope, active);
        return value switch
        {
            PrimitiveColumn<int> c => Type.Kind switch
            {
                TypeKind.Byte => Narrow(ArithmeticKernels.Negate(c, scope, active, Offset), sbyte.MaxValue, scope, active),
                TypeKind.Short => Narrow(ArithmeticKernels.Negate(c, scope, active, Offset), short.MaxValue, scope, active),
                _ => ArithmeticKernels.Negate(c, scope, active, Offset),
            },
            PrimitiveColumn<long> c => ArithmeticKernels.Negate(c, scope, active, Offset),
            PrimitiveColumn<float> c => ArithmeticKernels.Negate(c, scope, active, Offset),
            PrimitiveColumn<double> c => ArithmeticKernels.Negate(c, scope, active, Offset),
            PrimitiveColumn<Int128> c => ArithmeticKernels.Negate(c, scope, active, Offset),
            _ => throw new InvalidOperationException($"Cannot negate {value.Type}."),
        };
    }

    private PrimitiveColumn<int> Narrow(PrimitiveColumn<int> negated, int max, EvaluationScope scope, bool[]? active)
    {
        var values = negated.Values.Span;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] > max && !negated.IsNull(i) && EvaluationScope.IsActive(active, i))
            {
                throw scope.Fail(Offset, $"arithmetic overflow: {values[i]} does not fit {Type.SimpleName}");
            }
        }

        return negated;
    }
}
