using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions;

namespace Lakehouse.Pipelines.Tests.Expressions;

public class EvaluationSemanticsTests
{
    private static readonly StructType Schema = new(
        new StructField("id", DataType.Long),
        new StructField("raw", DataType.String),
        new StructField("amount", new DecimalType(10, 2)),
        new StructField("customer", new StructType(new StructField("name", DataType.String), new StructField("tier", DataType.Integer))));

    private static RecordBatch Sample() => Batches.Build(
        Schema,
        [1L, "10", new DecimalValue(1050, 2), new object?[] { "ann", 1 }],
        [2L, "x", new DecimalValue(-250, 2), new object?[] { "bob", null }],
        [long.MaxValue, null, null, null],
        [4L, "40", new DecimalValue(0, 2), new object?[] { null, 3 }]);

    [Fact]
    public void LongOverflow_FailsNamingTheExpressionAndValues()
    {
        var compiled = CompiledExpression.Compile("id + 1", Schema, new ExpressionOrigin("pipeline.yaml", 14, 12));
        var error = Assert.Throws<ExpressionException>(() => compiled.Evaluate(Sample(), Batches.Context));
        Assert.StartsWith("pipeline.yaml:14:15: arithmetic overflow: 9223372036854775807 + 1 does not fit long", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"id + 1\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overflow_InRowsACaseDidNotSelect_IsIgnored()
    {
        Assert.Equal(new object?[] { 2L, 3L, -1L, 5L }, Batches.EvalAll("CASE WHEN id < 100 THEN id + 1 ELSE -1 END", Sample()));
    }

    [Fact]
    public void Cast_OfMalformedText_FailsUnlessTheRowIsGuarded()
    {
        var error = Assert.Throws<ExpressionException>(() => Batches.EvalAll("CAST(raw AS int)", Sample()));
        Assert.Contains("cannot cast 'x' (string) to integer (use try_cast", error.Message, StringComparison.Ordinal);
        Assert.Equal(new object?[] { 10, null, null, 40 }, Batches.EvalAll("try_cast(raw AS int)", Sample()));
        Assert.Equal(new object?[] { 10, null, null, 40 }, Batches.EvalAll("CASE WHEN raw RLIKE '^[0-9]+$' THEN CAST(raw AS int) END", Sample()));
        Assert.Equal(new object?[] { true, false, null, true }, Batches.EvalAll("raw RLIKE '^[0-9]+$' AND CAST(raw AS int) > 5", Sample()));
    }

    [Fact]
    public void DecimalArithmetic_IsExact()
    {
        Assert.Equal(new object?[] { "11.550", "-2.750", null, "0.000" }, Batches.EvalAll("amount * 1.1", Sample()).Select(v => v?.ToString()).ToArray());
        Assert.Equal(new object?[] { "5.2500000000000", "-1.2500000000000", null, "0.0000000000000" }, Batches.EvalAll("amount / 2", Sample()).Select(v => v?.ToString()).ToArray());
    }

    [Fact]
    public void StructFields_AreAddressableWithDots()
    {
        Assert.Equal(new object?[] { "ann", "bob", null, null }, Batches.EvalAll("customer.name", Sample()));
        Assert.Equal(new object?[] { 2, null, null, 4 }, Batches.EvalAll("customer.tier + 1", Sample()));
        Assert.Equal(new object?[] { false, false, true, false }, Batches.EvalAll("customer IS NULL", Sample()));
    }

    [Fact]
    public void ConstantExpressions_FillEveryRow()
    {
        Assert.Equal(new object?[] { "x", "x", "x", "x" }, Batches.EvalAll("'x'", Sample()));
        Assert.Equal(new object?[] { null, null, null, null }, Batches.EvalAll("CAST(NULL AS int)", Sample()));
    }

    [Fact]
    public void Evaluate_WithAnotherSchema_IsRejected()
    {
        var compiled = CompiledExpression.Compile("id", Schema);
        var other = Batches.Build(new StructType(new StructField("id", DataType.Integer)), [1]);
        var error = Assert.Throws<ExpressionException>(() => compiled.Evaluate(other, Batches.Context));
        Assert.Contains("differs from the schema the expression was compiled for", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowFilter_KeepsOnlyTrueRows()
    {
        var filter = RowFilter.Compile("amount > 0 OR raw = 'x'", Schema);
        var batch = Sample();
        Assert.Equal(new[] { 0, 1 }, filter.Select(batch, Batches.Context));
        var kept = filter.Apply(batch, Batches.Context);
        Assert.Equal(2, kept.RowCount);
        Assert.Equal(new object?[] { 2L, "x", new DecimalValue(-250, 2), new object?[] { "bob", null } }, kept.GetRow(1));
    }

    [Fact]
    public void RecordBatchRows_Take_GathersEveryColumnTypeWithNulls()
    {
        var batch = Sample();
        var taken = RecordBatchRows.Take(batch, [3, 2, 0, 2]);
        Assert.Equal(4, taken.RowCount);
        for (var i = 0; i < 4; i++)
        {
            var source = new[] { 3, 2, 0, 2 }[i];
            Assert.Equal(batch.GetRow(source), taken.GetRow(i));
        }

        Assert.Equal(0, RecordBatchRows.Take(batch, []).RowCount);
    }

    [Fact]
    public void CompiledExpression_CanBeReusedAcrossBatches()
    {
        var compiled = CompiledExpression.Compile("upper(raw) || '!'", Schema);
        Assert.Equal("10!", compiled.Evaluate(Sample(), Batches.Context).GetValue(0));
        var second = Batches.Build(Schema, [9L, "hi", null, null]);
        Assert.Equal("HI!", compiled.Evaluate(second, Batches.Context).GetValue(0));
    }
}
