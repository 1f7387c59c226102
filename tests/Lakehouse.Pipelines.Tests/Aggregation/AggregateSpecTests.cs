using Lakehouse.Pipelines.Aggregation;
using Lakehouse.Pipelines.Expressions;

namespace Lakehouse.Pipelines.Tests.Aggregation;

public class AggregateSpecTests
{
    [Theory]
    [InlineData("count(*)", AggregateFunction.CountStar, null)]
    [InlineData("COUNT(customer_id)", AggregateFunction.Count, "`customer_id`")]
    [InlineData("count(DISTINCT customer_id)", AggregateFunction.CountDistinct, "`customer_id`")]
    [InlineData("count_distinct(customer_id)", AggregateFunction.CountDistinct, "`customer_id`")]
    [InlineData("sum(amount * quantity)", AggregateFunction.Sum, "(`amount` * `quantity`)")]
    [InlineData("min(order_date)", AggregateFunction.Min, "`order_date`")]
    [InlineData("max(order_date)", AggregateFunction.Max, "`order_date`")]
    [InlineData("avg(amount)", AggregateFunction.Avg, "`amount`")]
    [InlineData("mean(amount)", AggregateFunction.Avg, "`amount`")]
    public void Parse_RecognisesEveryAggregate(string text, AggregateFunction function, string? argument)
    {
        var spec = AggregateSpec.Parse("x", text);
        Assert.Equal(function, spec.Function);
        Assert.Equal(argument, spec.Argument?.ToString());
        Assert.Equal(text, spec.Text);
    }

    [Theory]
    [InlineData("sum(a) / count(*)", "must be one aggregate call")]
    [InlineData("amount", "must be one aggregate call")]
    [InlineData("median(amount)", "'median' is not an aggregate")]
    [InlineData("sum(*)", "sum takes exactly one argument (only count accepts *)")]
    [InlineData("sum(a, b)", "sum takes exactly one argument")]
    [InlineData("sum(DISTINCT a)", "DISTINCT is only supported in count(DISTINCT x)")]
    [InlineData("sum(a", "expected ')'")]
    public void Parse_InvalidAggregates_AreExplained(string text, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => AggregateSpec.Parse("total", text, new ExpressionOrigin("gold.yaml", 5, 14)));
        Assert.StartsWith("gold.yaml:5:", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
