using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Expressions.Evaluation;

/// <summary>What one evaluation of a bound expression sees: the batch (null when folding constants), its row count, the run context, and where the text came from (for error messages).</summary>
internal sealed class EvaluationScope
{
    /// <summary>Rows an evaluation handles at once: columns of this many values stay in L2 cache and below the large-object heap.</summary>
    public const int ChunkRows = 8192;

    public EvaluationScope(RecordBatch? batch, int rowCount, EvaluationContext? context, string text, ExpressionOrigin origin, int rowOffset = 0)
    {
        RowOffset = rowOffset;
        Batch = batch;
        RowCount = rowCount;
        Context = context;
        Text = text;
        Origin = origin;
    }

    public RecordBatch? Batch { get; }

    /// <summary>First batch row of this evaluation (evaluations run over chunks of <see cref="ChunkRows"/> rows).</summary>
    public int RowOffset { get; }

    public int RowCount { get; }

    public EvaluationContext? Context { get; }

    public string Text { get; }

    public ExpressionOrigin Origin { get; }

    public EvaluationContext RequireContext(int offset) =>
        Context ?? throw ExpressionException.At(Text, Origin, offset, "the current date and time are only known while a pipeline runs");

    public ExpressionException Fail(int offset, string problem) => ExpressionException.At(Text, Origin, offset, problem);

    /// <summary>Rows an operation over <paramref name="a"/> (and <paramref name="b"/>) produces: 1 when all inputs are scalars.</summary>
    public int RowsFor(EvalColumn a, EvalColumn? b = null) => a.IsScalar && (b is null || b.IsScalar) ? 1 : RowCount;

    /// <summary>Whether <paramref name="node"/> can be evaluated over a slice of a batch (nested columns cannot be sliced).</summary>
    public static bool CanSlice(Binding.BoundExpression node) =>
        !(node is Binding.BoundColumn { Type.IsNested: true }) && node.Children.All(CanSlice);

    public static bool IsActive(bool[]? active, int row) => active is null || active[row];
}
