using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions;

namespace Lakehouse.Pipelines.Tests.Expressions;

public class BinderTests
{
    private static readonly StructType Schema = new(
        new StructField("amount", DataType.Double),
        new StructField("quantity", DataType.Integer),
        new StructField("customer_id", DataType.Long),
        new StructField("status", DataType.String),
        new StructField("price", new DecimalType(10, 2)),
        new StructField("order_date", DataType.Date),
        new StructField("created_at", DataType.Timestamp),
        new StructField("flag", DataType.Boolean),
        new StructField("small", DataType.Short),
        new StructField("address", new StructType(new StructField("city", DataType.String), new StructField("zip", DataType.String))));

    private static DataType TypeOf(string text) => CompiledExpression.Compile(text, Schema).ResultType;

    private static ExpressionException Fails(string text) => Assert.Throws<ExpressionException>(() => CompiledExpression.Compile(text, Schema));

    [Theory]
    [InlineData("quantity + 1", "integer")]
    [InlineData("quantity + customer_id", "long")]
    [InlineData("quantity + amount", "double")]
    [InlineData("small + small", "integer")]
    [InlineData("quantity / 2", "double")]
    [InlineData("price * 2", "decimal(21,2)")]
    [InlineData("price + 1.5", "decimal(11,2)")]
    [InlineData("price * price", "decimal(21,4)")]
    [InlineData("price / quantity", "decimal(21,13)")]
    [InlineData("price + amount", "double")]
    [InlineData("amount * 1.1 > 100 AND status = 'open'", "boolean")]
    [InlineData("order_date < created_at", "boolean")]
    [InlineData("order_date >= '2026-01-01'", "boolean")]
    [InlineData("CASE WHEN flag THEN quantity ELSE customer_id END", "long")]
    [InlineData("CASE WHEN flag THEN 1 END", "integer")]
    [InlineData("coalesce(quantity, 0L)", "long")]
    [InlineData("coalesce(price, 0)", "decimal(12,2)")]
    [InlineData("CAST(status AS decimal(5,1))", "decimal(5,1)")]
    [InlineData("address.city", "string")]
    [InlineData("ADDRESS.City", "string")]
    [InlineData("order_date + 1", "date")]
    [InlineData("round(price, 1)", "decimal(10,1)")]
    [InlineData("floor(amount)", "long")]
    [InlineData("year(order_date)", "integer")]
    [InlineData("2147483648", "long")]
    [InlineData("12345678901234567890", "decimal(20,0)")]
    [InlineData("NULL", "string")]
    [InlineData("quantity + NULL", "integer")]
    [InlineData("concat('id-', customer_id)", "string")]
    [InlineData("-small", "short")]
    public void Compile_ResolvesSparkResultTypes(string text, string type) => Assert.Equal(type, TypeOf(text).ToString());

    [Fact]
    public void Compile_UnknownColumn_SuggestsTheClosestNames()
    {
        var error = Fails("amout > 1");
        Assert.Contains("unknown column 'amout'; did you mean 'amount'?", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Compile_UnknownStructField_SuggestsFieldsOfThatStruct()
    {
        var error = Fails("address.cty = 'x'");
        Assert.Contains("struct 'address' has no field 'cty'; did you mean 'city'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_UnknownFunction_SuggestsAName()
    {
        var error = Fails("lowr(status)");
        Assert.Contains("unknown function 'lowr'; did you mean 'lower'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'abc' + 1", 6, "cannot apply + to string and integer")]
    [InlineData("status + 1", 7, "CAST(x AS double)")]
    [InlineData("status = 1", 7, "strings and numbers do not mix implicitly")]
    [InlineData("quantity AND flag", 0, "the left operand of AND must be boolean but is integer")]
    [InlineData("NOT quantity", 4, "the operand of NOT must be boolean")]
    [InlineData("substring(status)", 0, "function substring takes 2 to 3 arguments but got 1")]
    [InlineData("lower(status, 1)", 0, "function lower takes 1 argument but got 2")]
    [InlineData("lower(quantity)", 6, "argument 1 of lower must be a string but is integer")]
    [InlineData("CAST(quantity AS money)", 17, "unknown type 'money'")]
    [InlineData("CAST(order_date AS int)", 0, "cannot cast date to integer")]
    [InlineData("CASE WHEN flag THEN 'a' ELSE 1 END", 29, "CASE results have incompatible types string and integer")]
    [InlineData("quantity IN (1, 'x')", 16, "cannot be compared with integer")]
    [InlineData("sum(amount)", 0, "aggregate function sum() is only allowed in gold aggregations")]
    [InlineData("CAST('abc' AS int)", 0, "cannot cast 'abc' (string) to integer")]
    [InlineData("1 / 0 + 2147483647 * 2", 19, "arithmetic overflow")]
    [InlineData("status LIKE 'a\\'", 12, "ends with the escape character")]
    [InlineData("regexp_like(status, '(')", 20, "invalid regular expression")]
    [InlineData("DATE '2026-13-01'", 0, "invalid DATE literal")]
    [InlineData("date_trunc('fortnight', created_at)", 11, "unknown date_trunc unit 'fortnight'")]
    [InlineData("order_date - created_at", 11, "datediff")]
    [InlineData("amount.x", 0, "'amount' is double, not a struct")]
    public void Compile_TypeErrors_PointAtTheProblem(string text, int offset, string message)
    {
        var error = Fails(text);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void CompilePredicate_NonBoolean_IsRejected()
    {
        var error = Assert.Throws<ExpressionException>(() => CompiledExpression.CompilePredicate("amount * 2", Schema, new ExpressionOrigin("p.yaml", 9, 15)));
        Assert.StartsWith("p.yaml:9:15: a condition must be boolean but this expression is double", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ConstantSubexpressions_AreFolded()
    {
        Assert.True(CompiledExpression.Compile("1 + 2 * 3", Schema).IsConstant);
        Assert.True(CompiledExpression.Compile("upper('a') || 'b'", Schema).IsConstant);
        Assert.False(CompiledExpression.Compile("current_date()", Schema).IsConstant);
        Assert.False(CompiledExpression.Compile("quantity + 1", Schema).IsConstant);
    }

    [Fact]
    public void Compile_CaseGuardedFailure_DoesNotFailAtCompileTime()
    {
        var compiled = CompiledExpression.Compile("CASE WHEN false THEN CAST('abc' AS int) ELSE 1 END", Schema);
        Assert.True(compiled.IsConstant);
    }
}
