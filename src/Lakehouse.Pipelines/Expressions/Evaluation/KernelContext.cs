using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>What a function kernel needs besides its arguments: the scope, the rows that matter, where the call is, and its result type.</summary>
internal readonly record struct KernelContext(EvaluationScope Scope, bool[]? Active, int Offset, DataType ResultType, string Name)
{
    /// <summary>Rows of a result over <paramref name="args"/>: 1 when every argument is a scalar.</summary>
    public int RowsFor(IReadOnlyList<EvalColumn> args)
    {
        foreach (var a in args)
        {
            if (!a.IsScalar)
            {
                return Scope.RowCount;
            }
        }

        return 1;
    }

    public static bool AllScalar(IReadOnlyList<EvalColumn> args) => args.All(a => a.IsScalar);

    public ExpressionException Fail(string problem) => Scope.Fail(Offset, $"{Name}: {problem}");
}
