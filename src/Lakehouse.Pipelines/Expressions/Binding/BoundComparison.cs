using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;
using Lakehouse.Pipelines.Expressions.Syntax;
using static Lakehouse.Pipelines.Expressions.Evaluation.ComparisonOperators;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary>= != &lt; &lt;= &gt; &gt;= and &lt;=&gt; over two operands of one type (the binder casts them to it).</summary>
internal sealed class BoundComparison : BoundExpression
{
    public BoundComparison(BinaryOperator op, BoundExpression left, BoundExpression right, int offset)
        : base(DataType.Boolean, offset)
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
        var op = Operator == BinaryOperator.NullSafeEqual ? BinaryOperator.Equal : Operator;
        var result = Compare(op, a, b, scope);
        return Operator == BinaryOperator.NullSafeEqual ? ComparisonKernels.NullSafe(result, a, b, scope.RowsFor(a, b)) : result;
    }

    internal static PrimitiveColumn<bool> Compare(BinaryOperator op, EvalColumn a, EvalColumn b, EvaluationScope scope) => (a, b) switch
    {
        (PrimitiveColumn<int> x, PrimitiveColumn<int> y) => Typed(op, x, y, scope),
        (PrimitiveColumn<long> x, PrimitiveColumn<long> y) => Typed(op, x, y, scope),
        (PrimitiveColumn<float> x, PrimitiveColumn<float> y) => Typed(op, x, y, scope),
        (PrimitiveColumn<double> x, PrimitiveColumn<double> y) => Typed(op, x, y, scope),
        (PrimitiveColumn<Int128> x, PrimitiveColumn<Int128> y) => Typed(op, x, y, scope),
        (PrimitiveColumn<bool> x, PrimitiveColumn<bool> y) => op switch
        {
            BinaryOperator.Equal => ComparisonKernels.CompareBoolean<Equal<byte>>(x, y, scope),
            BinaryOperator.NotEqual => ComparisonKernels.CompareBoolean<NotEqual<byte>>(x, y, scope),
            BinaryOperator.Less => ComparisonKernels.CompareBoolean<Less<byte>>(x, y, scope),
            BinaryOperator.LessOrEqual => ComparisonKernels.CompareBoolean<LessOrEqual<byte>>(x, y, scope),
            BinaryOperator.Greater => ComparisonKernels.CompareBoolean<Greater<byte>>(x, y, scope),
            _ => ComparisonKernels.CompareBoolean<GreaterOrEqual<byte>>(x, y, scope),
        },
        (BinaryColumn x, BinaryColumn y) => op switch
        {
            BinaryOperator.Equal => ComparisonKernels.CompareBinary<Equal<byte>>(x, y, scope),
            BinaryOperator.NotEqual => ComparisonKernels.CompareBinary<NotEqual<byte>>(x, y, scope),
            BinaryOperator.Less => ComparisonKernels.CompareBinary<Less<byte>>(x, y, scope),
            BinaryOperator.LessOrEqual => ComparisonKernels.CompareBinary<LessOrEqual<byte>>(x, y, scope),
            BinaryOperator.Greater => ComparisonKernels.CompareBinary<Greater<byte>>(x, y, scope),
            _ => ComparisonKernels.CompareBinary<GreaterOrEqual<byte>>(x, y, scope),
        },
        _ => throw new InvalidOperationException($"Comparison of {a.Type} and {b.Type} was not coerced by the binder."),
    };

    private static PrimitiveColumn<bool> Typed<T>(BinaryOperator op, PrimitiveColumn<T> x, PrimitiveColumn<T> y, EvaluationScope scope)
        where T : unmanaged, System.Numerics.IComparisonOperators<T, T, bool> => op switch
        {
            BinaryOperator.Equal => ComparisonKernels.Compare<T, Equal<T>>(x, y, scope),
            BinaryOperator.NotEqual => ComparisonKernels.Compare<T, NotEqual<T>>(x, y, scope),
            BinaryOperator.Less => ComparisonKernels.Compare<T, Less<T>>(x, y, scope),
            BinaryOperator.LessOrEqual => ComparisonKernels.Compare<T, LessOrEqual<T>>(x, y, scope),
            BinaryOperator.Greater => ComparisonKernels.Compare<T, Greater<T>>(x, y, scope),
            _ => ComparisonKernels.Compare<T, GreaterOrEqual<T>>(x, y, scope),
        };
}
