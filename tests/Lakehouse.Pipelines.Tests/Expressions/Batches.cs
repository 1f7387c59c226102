using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Testing;

namespace Lakehouse.Pipelines.Tests.Expressions;

/// <summary>Small batch builders and one-shot evaluation for tests.</summary>
internal static class Batches
{
    public static readonly EvaluationContext Context = EvaluationContext.Create(new FakeTimeProvider(new DateTimeOffset(2026, 3, 15, 10, 30, 45, TimeSpan.Zero)));

    public static RecordBatch Build(StructType schema, params object?[][] rows)
    {
        var batch = RecordBatch.CreateEmpty(schema, Math.Max(rows.Length, 1));
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                batch.Columns[c].AppendValue(row[c]);
            }
        }

        return batch;
    }

    /// <summary>A one-row batch with a dummy column, for constant expressions.</summary>
    public static RecordBatch OneRow() => Build(new StructType(new StructField("dummy", DataType.Integer)), [1]);

    public static object? Eval(string expression, RecordBatch? batch = null)
    {
        batch ??= OneRow();
        var compiled = CompiledExpression.Compile(expression, batch.Schema);
        var vector = compiled.Evaluate(batch, Context);
        Assert.Equal(batch.RowCount, vector.Count);
        return vector.GetValue(0);
    }

    public static object?[] EvalAll(string expression, RecordBatch batch)
    {
        var compiled = CompiledExpression.Compile(expression, batch.Schema);
        var vector = compiled.Evaluate(batch, Context);
        return Enumerable.Range(0, vector.Count).Select(vector.GetValue).ToArray();
    }
}
