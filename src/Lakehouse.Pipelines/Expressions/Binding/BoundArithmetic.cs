using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;
using Lakehouse.Pipelines.Expressions.Syntax;
using static Lakehouse.Pipelines.Expressions.Evaluation.ArithmeticOperators;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary>+ - * / % over operands already cast to the computation type (int, long, float, double) or to decimals (any p, s).</summary>
internal sealed class BoundArithmetic : BoundExpression
{
    public BoundArithmetic(BinaryOperator op, BoundExpression left, BoundExpression right, DataType type, int offset)
        : base(type, offset)
    {
        Operator = op;
        Left = left;
        Right = right;
    }

    public BinaryOperator Operator { get; }

    public BoundExpression Left { get; }

    public BoundExpression Right { get; }

    public override IEnumerable<BoundExpression> Children => [Left, Right];

    public override EvalColumn Evaluate(EvaluationScope scope, bool[]? active)
    {
        var a = Left.Evaluate(scope, active);
        var b = Right.Evaluate(scope, active);
        var symbol = BinarySyntax.Symbol(Operator);
        return (a, b) switch
        {
            (PrimitiveColumn<int> x, PrimitiveColumn<int> y) => Operator switch
            {
                BinaryOperator.Add => ArithmeticKernels.Run<int, Add<int>>(x, y, false, scope, active, Offset, symbol),
                BinaryOperator.Subtract => ArithmeticKernels.Run<int, Subtract<int>>(x, y, false, scope, active, Offset, symbol),
                BinaryOperator.Multiply => ArithmeticKernels.Run<int, MultiplyInt>(x, y, false, scope, active, Offset, symbol),
                _ => ArithmeticKernels.Run<int, Remainder<int>>(x, y, true, scope, active, Offset, symbol),
            },
            (PrimitiveColumn<long> x, PrimitiveColumn<long> y) => Operator switch
            {
                BinaryOperator.Add => ArithmeticKernels.Run<long, Add<long>>(x, y, false, scope, active, Offset, symbol),
                BinaryOperator.Subtract => ArithmeticKernels.Run<long, Subtract<long>>(x, y, false, scope, active, Offset, symbol),
                BinaryOperator.Multiply => ArithmeticKernels.Run<long, MultiplyLong>(x, y, false, scope, active, Offset, symbol),
                _ => ArithmeticKernels.Run<long, Remainder<long>>(x, y, true, scope, active, Offset, symbol),
            },
            (PrimitiveColumn<float> x, PrimitiveColumn<float> y) => Floating(x, y, scope, active, symbol),
            (PrimitiveColumn<double> x, PrimitiveColumn<double> y) => Floating(x, y, scope, active, symbol),
            (PrimitiveColumn<Int128> x, PrimitiveColumn<Int128> y) => DecimalKernels.Run(Operator, x, y, (DecimalType)Type, scope, active, Offset),
            _ => throw new InvalidOperationException($"Arithmetic on {a.Type} and {b.Type} was not coerced by the binder."),
        };
    }

    private PrimitiveColumn<T> Floating<T>(PrimitiveColumn<T> x, PrimitiveColumn<T> y, EvaluationScope scope, bool[]? active, string symbol)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> => Operator switch
        {
            BinaryOperator.Add => ArithmeticKernels.Run<T, FloatAdd<T>>(x, y, false, scope, active, Offset, symbol),
            BinaryOperator.Subtract => ArithmeticKernels.Run<T, FloatSubtract<T>>(x, y, false, scope, active, Offset, symbol),
            BinaryOperator.Multiply => ArithmeticKernels.Run<T, FloatMultiply<T>>(x, y, false, scope, active, Offset, symbol),
            BinaryOperator.Divide => ArithmeticKernels.Run<T, FloatDivide<T>>(x, y, true, scope, active, Offset, symbol),
            _ => ArithmeticKernels.Run<T, FloatRemainder<T>>(x, y, true, scope, active, Offset, symbol),
        };
}
