using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Tests.Expressions;

public class SmokeTests
{
    [Theory]
    [InlineData("1 + 2", 3)]
    [InlineData("2 * 3 + 4", 10)]
    [InlineData("7 % 3", 1)]
    [InlineData("length('héllo')", 5)]
    public void Eval_Constant_ReturnsInt(string text, int expected) => Assert.Equal(expected, Batches.Eval(text));

    [Fact]
    public void Eval_OverColumns_Works()
    {
        var schema = new StructType(new StructField("amount", DataType.Double), new StructField("status", DataType.String));
        var batch = Batches.Build(schema, [100.0, "open"], [50.0, "open"], [200.0, "closed"], [null, "open"], [150.0, null]);
        Assert.Equal(new object?[] { true, false, false, null, null }, Batches.EvalAll("amount * 1.1 > 100 AND status = 'open'", batch));
    }
}
