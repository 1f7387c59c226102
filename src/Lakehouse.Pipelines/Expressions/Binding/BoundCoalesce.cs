using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary><c>coalesce(a, b, ...)</c>: the first non-null argument; later arguments are evaluated only for rows still null.</summary>
internal sealed class BoundCoalesce : BoundExpression
{
    public BoundCoalesce(IReadOnlyList<BoundExpression> arguments, DataType type, int offset)
        : base(type, offset)
    {
        Arguments = arguments;
    }

    public IReadOnlyList<BoundExpression> Arguments { get; }

    public override IEnumerable<BoundExpression> Children => Arguments;

    public override EvalColumn Evaluate(EvaluationScope scope, bool[]? active)
    {
        var first = Arguments[0].Evaluate(scope, active);
        if (!first.HasNulls)
        {
            return first;
        }

        var rows = scope.RowCount;
        var choice = new int[rows];
        choice.AsSpan().Fill(-1);
        var remaining = new bool[rows];
        for (var i = 0; i < rows; i++)
        {
            remaining[i] = active is null || active[i];
        }

        var sources = new List<EvalColumn>();
        var current = first;
        for (var a = 0; ; a++)
        {
            var index = sources.Count;
            sources.Add(current);
            var left = false;
            for (var i = 0; i < rows; i++)
            {
                if (remaining[i] && !current.IsNull(i))
                {
                    choice[i] = index;
                    remaining[i] = false;
                }

                left |= remaining[i];
            }

            if (!left || a + 1 == Arguments.Count)
            {
                break;
            }

            current = Arguments[a + 1].Evaluate(scope, remaining);
        }

        return BranchAssembler.Assemble(Type, sources, choice);
    }
}
