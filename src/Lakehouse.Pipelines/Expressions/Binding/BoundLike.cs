using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary><c>x [NOT] LIKE pattern [ESCAPE 'c']</c>; a constant pattern is compiled once, a per-row pattern per distinct value.</summary>
internal sealed class BoundLike : BoundExpression
{
    private readonly LikePattern? _constant;

    public BoundLike(BoundExpression value, BoundExpression pattern, char escape, bool negated, int offset)
        : base(DataType.Boolean, offset)
    {
        Value = value;
        Pattern = pattern;
        Escape = escape;
        Negated = negated;
        if (pattern is BoundLiteral { Value: string text })
        {
            _constant = LikePattern.Compile(text, escape);
        }
    }

    public BoundExpression Value { get; }

    public BoundExpression Pattern { get; }

    public char Escape { get; }

    public bool Negated { get; }

    public override IEnumerable<BoundExpression> Children => [Value, Pattern];

    public override EvalColumn Evaluate(EvaluationScope scope, bool[]? active)
    {
        var input = (BinaryColumn)Value.Evaluate(scope, active);
        var pattern = (BinaryColumn)Pattern.Evaluate(scope, active);
        if (input.IsNullScalar || pattern.IsNullScalar)
        {
            return PrimitiveColumn<bool>.NullScalar(DataType.Boolean);
        }

        var rows = scope.RowsFor(input, pattern);
        var result = new bool[rows];
        var matcher = _constant;
        string? last = null;
        for (var i = 0; i < rows; i++)
        {
            if (_constant is null)
            {
                if (pattern.IsNull(i))
                {
                    continue;
                }

                var text = System.Text.Encoding.UTF8.GetString(pattern.ValueAt(i));
                if (text != last)
                {
                    try
                    {
                        matcher = LikePattern.Compile(text, Escape);
                    }
                    catch (FormatException e)
                    {
                        throw scope.Fail(Offset, e.Message);
                    }

                    last = text;
                }
            }

            result[i] = matcher!.IsMatch(input.ValueAt(i)) ^ Negated;
        }

        return new PrimitiveColumn<bool>(DataType.Boolean, result, NullMasks.Union(input, pattern, rows), rows == 1 && input.IsScalar && pattern.IsScalar);
    }
}
