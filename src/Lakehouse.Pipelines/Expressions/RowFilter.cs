using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions.Evaluation;

namespace Lakehouse.Pipelines.Expressions;

/// <summary>
/// Keeps the rows of a batch for which a boolean expression is TRUE (NULL and FALSE are dropped, as in SQL WHERE).
/// </summary>
public sealed class RowFilter
{
    private RowFilter(CompiledExpression predicate)
    {
        Predicate = predicate;
    }

    public CompiledExpression Predicate { get; }

    public static RowFilter Compile(string condition, StructType schema, ExpressionOrigin origin = default) =>
        new(CompiledExpression.CompilePredicate(condition, schema, origin));

    public static RowFilter For(CompiledExpression predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (predicate.ResultType.Kind != TypeKind.Boolean)
        {
            throw new ArgumentException($"The filter expression '{predicate.Text}' is {predicate.ResultType}, not boolean.", nameof(predicate));
        }

        return new RowFilter(predicate);
    }

    /// <summary>Indices (ascending) of the rows where the condition is TRUE.</summary>
    public int[] Select(RecordBatch batch, EvaluationContext context)
    {
        Predicate.CheckBatch(batch, context);
        var chunk = Predicate.CanChunk ? EvaluationScope.ChunkRows : Math.Max(1, batch.RowCount);
        if (batch.RowCount <= chunk)
        {
            return Selection.FromMask((PrimitiveColumn<bool>)Predicate.EvaluateChunk(batch, context, 0, batch.RowCount), batch.RowCount, 0);
        }

        var parts = new List<int[]>();
        var total = 0;
        for (var offset = 0; offset < batch.RowCount; offset += chunk)
        {
            var rows = Math.Min(chunk, batch.RowCount - offset);
            var part = Selection.FromMask((PrimitiveColumn<bool>)Predicate.EvaluateChunk(batch, context, offset, rows), rows, offset);
            parts.Add(part);
            total += part.Length;
        }

        var result = new int[total];
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(result, at);
            at += part.Length;
        }

        return result;
    }

    /// <summary>The rows where the condition is TRUE, as a new batch (the batch itself when every row passes).</summary>
    public RecordBatch Apply(RecordBatch batch, EvaluationContext context)
    {
        var rows = Select(batch, context);
        return rows.Length == batch.RowCount ? batch : RecordBatchRows.Take(batch, rows);
    }
}
