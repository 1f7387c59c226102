using Lakehouse.Parquet.Data;

namespace Lakehouse.Pipelines.Tests.Expressions;

public class ThreeValuedLogicTests
{
    private static readonly bool?[] Values = [true, false, null];

    /// <summary>All nine (a, b) combinations as rows, so the vectorized kernels see nulls mixed with values.</summary>
    private static Parquet.Data.RecordBatch Pairs()
    {
        var schema = new StructType(new StructField("a", DataType.Boolean), new StructField("b", DataType.Boolean));
        var rows = Values.SelectMany(a => Values.Select(b => new object?[] { a, b })).ToArray();
        return Batches.Build(schema, rows);
    }

    private static bool? And(bool? a, bool? b) => a == false || b == false ? false : a is null || b is null ? null : true;

    private static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a is null || b is null ? null : false;

    [Fact]
    public void And_FollowsTheSqlTruthTable()
    {
        var expected = Values.SelectMany(a => Values.Select(b => (object?)And(a, b))).ToArray();
        Assert.Equal(expected, Batches.EvalAll("a AND b", Pairs()));
    }

    [Fact]
    public void Or_FollowsTheSqlTruthTable()
    {
        var expected = Values.SelectMany(a => Values.Select(b => (object?)Or(a, b))).ToArray();
        Assert.Equal(expected, Batches.EvalAll("a OR b", Pairs()));
    }

    [Fact]
    public void Not_KeepsNull()
    {
        var expected = Values.SelectMany(a => Values.Select(_ => (object?)(a is null ? null : !a))).ToArray();
        Assert.Equal(expected, Batches.EvalAll("NOT a", Pairs()));
    }

    [Fact]
    public void Equality_WithNull_IsNull_ButNullSafeEqualityIsNot()
    {
        var batch = Pairs();
        var eq = Values.SelectMany(a => Values.Select(b => (object?)(a is null || b is null ? null : a == b))).ToArray();
        var nullSafe = Values.SelectMany(a => Values.Select(b => (object?)(a == b))).ToArray();
        Assert.Equal(eq, Batches.EvalAll("a = b", batch));
        Assert.Equal(nullSafe, Batches.EvalAll("a <=> b", batch));
        Assert.Equal(eq.Select(v => v is null ? null : (object)!(bool)v).ToArray(), Batches.EvalAll("a != b", batch));
    }

    [Theory]
    [InlineData("NULL AND FALSE", false)]
    [InlineData("NULL AND TRUE", null)]
    [InlineData("NULL OR TRUE", true)]
    [InlineData("NULL OR FALSE", null)]
    [InlineData("NOT NULL", null)]
    [InlineData("(NULL = 1) IS NULL", true)]
    [InlineData("NULL IS NOT NULL", false)]
    public void Constants_FollowTheTruthTables(string expression, bool? expected) => Assert.Equal(expected, Batches.Eval(expression));

    [Fact]
    public void IsNull_IsNeverNull()
    {
        Assert.Equal(Values.SelectMany(a => Values.Select(_ => (object?)(a is null))).ToArray(), Batches.EvalAll("a IS NULL", Pairs()));
        Assert.Equal(Values.SelectMany(a => Values.Select(_ => (object?)(a is not null))).ToArray(), Batches.EvalAll("a IS NOT NULL", Pairs()));
    }
}
