using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions.Binding;

/// <summary>
/// Searched CASE (the simple form, IF, nullif are rewritten to it). Each THEN is evaluated only for the rows whose
/// WHEN chose it (as <c>active</c>), so a guarded CAST or division never fails on rows the CASE did not select.
/// </summary>
internal sealed class BoundCase : BoundExpression
{
    public BoundCase(IReadOnlyList<(BoundExpression When, BoundExpression Then)> branches, BoundExpression? otherwise, DataType type, int offset)
        : base(type, offset)
    {
        Branches = branches;
        Else = otherwise;
    }

    public IReadOnlyList<(BoundExpression When, BoundExpression Then)> Branches { get; }

    public BoundExpression? Else { get; }

    public override IEnumerable<BoundExpression> Children =>
        Branches.SelectMany(b => new[] { b.When, b.Then }).Concat(Else is null ? [] : [Else]);

    public override EvalColumn Evaluate(EvaluationScope scope, bool[]? active)
    {
        var rows = scope.RowCount;
        var choice = new int[rows];
        choice.AsSpan().Fill(-1);
        var remaining = active is null ? Enumerable.Repeat(true, rows).ToArray() : (bool[])active.Clone();
        var sources = new List<EvalColumn>();
        foreach (var (when, then) in Branches)
        {
            var condition = (PrimitiveColumn<bool>)when.Evaluate(scope, remaining);
            var taken = new bool[rows];
            var any = false;
            for (var i = 0; i < rows; i++)
            {
                if (remaining[i] && !condition.IsNull(i) && condition.ValueAt(i))
                {
                    taken[i] = true;
                    remaining[i] = false;
                    any = true;
                }
            }

            if (any)
            {
                var index = sources.Count;
                sources.Add(then.Evaluate(scope, taken));
                for (var i = 0; i < rows; i++)
                {
                    if (taken[i])
                    {
                        choice[i] = index;
                    }
                }
            }
        }

        if (Else is not null && remaining.AsSpan().Contains(true))
        {
            var index = sources.Count;
            sources.Add(Else.Evaluate(scope, remaining));
            for (var i = 0; i < rows; i++)
            {
                if (remaining[i])
                {
                    choice[i] = index;
                }
            }
        }

        return BranchAssembler.Assemble(Type, sources, choice);
    }
}
