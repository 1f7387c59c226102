using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Binding;
using Lakehouse.Pipelines.Expressions.Evaluation;
using Lakehouse.Pipelines.Expressions.Syntax;

namespace Lakehouse.Pipelines.Expressions;

/// <summary>
/// A parsed, type-checked expression ready to evaluate over batches of one schema. Compile once per table and
/// reuse it for every batch; it holds no per-batch state and is safe to share between threads.
/// </summary>
/// <remarks>
/// Semantics (Spark SQL, ANSI-leaning): three-valued logic; implicit numeric widening byte &lt; short &lt; int &lt; long &lt;
/// decimal &lt; float &lt; double, date → timestamp, string ↔ date/timestamp in comparisons only; strings never become
/// numbers implicitly (CAST them). Integer and decimal overflow fails the run naming the expression; division or
/// remainder by zero gives NULL; CAST of a malformed value fails (try_cast gives NULL). byte/short arithmetic is done in int.
/// </remarks>
public sealed class CompiledExpression
{
    private CompiledExpression(string text, ExpressionOrigin origin, StructType schema, SyntaxNode syntax, BoundExpression bound)
    {
        Text = text;
        Origin = origin;
        Schema = schema;
        Syntax = syntax;
        Bound = bound;
    }

    public string Text { get; }

    public ExpressionOrigin Origin { get; }

    /// <summary>The schema the expression was checked against; batches must have it.</summary>
    public StructType Schema { get; }

    /// <summary>The parse tree (for tools that inspect expressions, such as lineage).</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>The type every evaluation produces.</summary>
    public DataType ResultType => Bound.Type;

    /// <summary>True when the expression is a constant (folded at compile time).</summary>
    public bool IsConstant => Bound is BoundLiteral;

    internal BoundExpression Bound { get; }

    /// <summary>Parses and type-checks <paramref name="text"/> against <paramref name="schema"/>.</summary>
    /// <exception cref="ExpressionException">Syntax errors, unknown columns or functions, type mismatches; the message points at the text.</exception>
    public static CompiledExpression Compile(string text, StructType schema, ExpressionOrigin origin = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(schema);
        var syntax = Parser.Parse(text, origin);
        var bound = Binder.Bind(syntax, schema, text, origin);
        return new CompiledExpression(text, origin, schema, syntax, bound);
    }

    /// <summary>Like <see cref="Compile"/>, and requires a boolean result (filters, expectations, join conditions).</summary>
    public static CompiledExpression CompilePredicate(string text, StructType schema, ExpressionOrigin origin = default)
    {
        var compiled = Compile(text, schema, origin);
        if (compiled.ResultType.Kind != TypeKind.Boolean)
        {
            throw ExpressionException.At(text, origin, 0, $"a condition must be boolean but this expression is {compiled.ResultType}; compare it, e.g. ({text}) IS NOT NULL");
        }

        return compiled;
    }

    /// <summary>Evaluates over every row of <paramref name="batch"/>; the vector has <c>batch.RowCount</c> entries of <see cref="ResultType"/>.</summary>
    public ColumnVector Evaluate(RecordBatch batch, EvaluationContext context)
    {
        CheckBatch(batch, context);
        if (!CanChunk)
        {
            var whole = EvaluateChunk(batch, context, 0, batch.RowCount);
            if (!whole.IsScalar)
            {
                return whole.ToVector();
            }
        }

        var vector = ColumnVector.Create(ResultType, batch.RowCount);
        for (var offset = 0; offset < batch.RowCount; offset += EvaluationScope.ChunkRows)
        {
            var rows = Math.Min(EvaluationScope.ChunkRows, batch.RowCount - offset);
            EvaluateChunk(batch, context, offset, rows).AppendAllTo(vector, rows);
        }

        return vector;
    }

    /// <summary>False when a nested column is referenced whole (it cannot be sliced), so batches are evaluated in one piece.</summary>
    internal bool CanChunk => _canChunk ??= EvaluationScope.CanSlice(Bound);

    private bool? _canChunk;

    internal void CheckBatch(RecordBatch batch, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(context);
        if (!ReferenceEquals(batch.Schema, Schema) && !Equals(batch.Schema, Schema))
        {
            throw ExpressionException.At(Text, Origin, 0, $"the batch schema {batch.Schema} differs from the schema the expression was compiled for ({Schema}); compile it for this schema");
        }
    }

    /// <summary>Rows [<paramref name="offset"/>, offset + <paramref name="rows"/>) of the batch (callers check the batch first).</summary>
    internal EvalColumn EvaluateChunk(RecordBatch batch, EvaluationContext context, int offset, int rows) =>
        Bound.Evaluate(new EvaluationScope(batch, rows, context, Text, Origin, offset), null);

    public override string ToString() => Text;
}
