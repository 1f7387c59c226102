using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary>A constant (also the result of folding constant subexpressions); evaluates to a scalar column built once.</summary>
internal sealed class BoundLiteral : BoundExpression
{
    private readonly EvalColumn _scalar;

    public BoundLiteral(DataType type, object? value, int offset, bool isUntypedNull = false)
        : base(type, offset)
    {
        Value = value;
        IsUntypedNull = isUntypedNull;
        _scalar = ColumnReader.Scalar(type, value);
    }

    /// <summary>A bare NULL whose type is not yet known: the binder gives it the type its context needs.</summary>
    public bool IsUntypedNull { get; }

    /// <summary>The value in the canonical boxed form of <see cref="ColumnVector.GetValue"/>, or null.</summary>
    public object? Value { get; }

    public override IEnumerable<BoundExpression> Children => [];

    public override bool IsFoldable => true;

    public override EvalColumn Evaluate(EvaluationScope scope, bool[]? active) => _scalar;
}
