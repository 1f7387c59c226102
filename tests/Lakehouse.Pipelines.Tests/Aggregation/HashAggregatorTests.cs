using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Aggregation;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Tests.Expressions;

namespace Lakehouse.Pipelines.Tests.Aggregation;

public class HashAggregatorTests
{
    private static readonly StructType Schema = new(
        new StructField("region", DataType.String),
        new StructField("customer_id", DataType.Long),
        new StructField("quantity", DataType.Integer),
        new StructField("amount", new DecimalType(10, 2)),
        new StructField("price", DataType.Double),
        new StructField("order_date", DataType.Date));

    private static AggregateSpec[] AllAggregates() =>
    [
        AggregateSpec.Parse("orders", "count(*)"),
        AggregateSpec.Parse("priced", "count(price)"),
        AggregateSpec.Parse("customers", "count_distinct(customer_id)"),
        AggregateSpec.Parse("units", "sum(quantity)"),
        AggregateSpec.Parse("total", "sum(amount)"),
        AggregateSpec.Parse("revenue", "sum(price * quantity)"),
        AggregateSpec.Parse("first_order", "min(order_date)"),
        AggregateSpec.Parse("last_customer", "max(customer_id)"),
        AggregateSpec.Parse("avg_amount", "avg(amount)"),
        AggregateSpec.Parse("avg_qty", "avg(quantity)"),
        AggregateSpec.Parse("min_region", "min(region)"),
    ];

    private sealed record Row(string? Region, long? Customer, int? Quantity, decimal? Amount, double? Price, DateOnly? Date);

    private static List<Row> RandomRows(Random random, int count)
    {
        string?[] regions = ["north", "south", "east", "west", "é", null];
        T? Maybe<T>(T value) where T : struct => random.Next(6) == 0 ? null : value;
        return Enumerable.Range(0, count).Select(_ => new Row(
            regions[random.Next(regions.Length)],
            Maybe((long)random.Next(0, 30)),
            Maybe(random.Next(-5, 20)),
            Maybe(random.Next(-100000, 100000) / 100m),
            Maybe(Math.Round(random.NextDouble() * 100, 2)),
            Maybe(new DateOnly(2026, 1, 1).AddDays(random.Next(365))))).ToList();
    }

    private static RecordBatch ToBatch(IEnumerable<Row> rows) => Batches.Build(Schema, rows.Select(r => new object?[]
    {
        r.Region, r.Customer, r.Quantity,
        r.Amount is { } a ? new DecimalValue((Int128)(a * 100), 2) : null,
        r.Price, r.Date,
    }).ToArray());

    private static Dictionary<string, object?[]> ByRegion(RecordBatch result) =>
        Enumerable.Range(0, result.RowCount).ToDictionary(i => (string?)result.Columns[0].GetValue(i) ?? "<null>", result.GetRow);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Aggregates_MatchLinq_OnRandomData(int seed)
    {
        var random = new Random(seed);
        var rows = RandomRows(random, 500);
        var aggregator = HashAggregator.Create(Schema, [GroupKey.Column("region")], AllAggregates());
        foreach (var chunk in rows.Chunk(97))
        {
            aggregator.Add(ToBatch(chunk), Batches.Context);
        }

        var actual = ByRegion(aggregator.Finish());
        var expected = rows.GroupBy(r => r.Region ?? "<null>").ToList();
        Assert.Equal(expected.Count, actual.Count);
        foreach (var group in expected)
        {
            var row = actual[group.Key];
            var amounts = group.Where(r => r.Amount.HasValue).Select(r => r.Amount!.Value).ToList();
            var quantities = group.Where(r => r.Quantity.HasValue).Select(r => r.Quantity!.Value).ToList();
            Assert.Equal((long)group.Count(), row[1]);
            Assert.Equal((long)group.Count(r => r.Price.HasValue), row[2]);
            Assert.Equal((long)group.Where(r => r.Customer.HasValue).Select(r => r.Customer).Distinct().Count(), row[3]);
            Assert.Equal(quantities.Count == 0 ? null : quantities.Sum(q => (long)q), row[4]);
            Assert.Equal(amounts.Count == 0 ? null : amounts.Sum().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), row[5]?.ToString());
            var revenue = group.Where(r => r.Price.HasValue && r.Quantity.HasValue).Select(r => r.Price!.Value * r.Quantity!.Value).ToList();
            if (revenue.Count == 0)
            {
                Assert.Null(row[6]);
            }
            else
            {
                Assert.Equal(revenue.Sum(), (double)row[6]!, 6);
            }

            Assert.Equal(group.Min(r => r.Date), row[7]);
            Assert.Equal(group.Max(r => r.Customer), row[8]);
            Assert.Equal(amounts.Count == 0 ? null : Math.Round(amounts.Average(), 6, MidpointRounding.AwayFromZero).ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture), row[9]?.ToString());
            if (quantities.Count == 0)
            {
                Assert.Null(row[10]);
            }
            else
            {
                Assert.Equal(quantities.Average(), (double)row[10]!, 9);
            }

            Assert.Equal(group.Key == "<null>" ? null : group.Key, row[11]);
        }
    }

    [Fact]
    public void OutputSchema_UsesSparkResultTypes()
    {
        var aggregator = HashAggregator.Create(Schema, [GroupKey.Column("region")], AllAggregates());
        Assert.Equal(
            "region: string, orders: long not null, priced: long not null, customers: long not null, units: long, total: decimal(20,2), revenue: double, first_order: date, last_customer: long, avg_amount: decimal(14,6), avg_qty: double, min_region: string",
            string.Join(", ", aggregator.OutputSchema.Fields));
    }

    [Fact]
    public void MultipleKeys_AndExpressionKeys_GroupTogether()
    {
        var batch = ToBatch([
            new Row("north", 1, 1, 1m, 1, new DateOnly(2026, 1, 5)),
            new Row("north", 1, 2, 2m, 1, new DateOnly(2026, 1, 20)),
            new Row("north", 2, 3, 3m, 1, new DateOnly(2026, 2, 1)),
            new Row(null, null, 4, 4m, 1, null),
            new Row(null, null, 5, 5m, 1, null),
        ]);
        var aggregator = HashAggregator.Create(
            Schema,
            [GroupKey.Column("region"), new GroupKey("month", "date_trunc('month', order_date)")],
            [AggregateSpec.Parse("units", "sum(quantity)")]);
        aggregator.Add(batch, Batches.Context);
        var result = aggregator.Finish();
        Assert.Equal(3, result.RowCount);
        Assert.Equal(new object?[] { "north", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), 3L }, result.GetRow(0));
        Assert.Equal(new object?[] { "north", new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), 3L }, result.GetRow(1));
        Assert.Equal(new object?[] { null, null, 9L }, result.GetRow(2));
    }

    [Fact]
    public void SingleIntegralKey_WithNulls_FormsANullGroup()
    {
        var batch = ToBatch([new Row("a", 7, 1, null, null, null), new Row("b", null, 2, null, null, null), new Row("c", 7, 3, null, null, null), new Row("d", null, 4, null, null, null)]);
        var aggregator = HashAggregator.Create(Schema, [GroupKey.Column("customer_id")], [AggregateSpec.Parse("n", "count(*)"), AggregateSpec.Parse("q", "sum(quantity)")]);
        aggregator.Add(batch, Batches.Context);
        var result = aggregator.Finish();
        Assert.Equal(new object?[] { 7L, 2L, 4L }, result.GetRow(0));
        Assert.Equal(new object?[] { null, 2L, 6L }, result.GetRow(1));
    }

    [Fact]
    public void GlobalAggregate_OverNoRows_HasOneRow()
    {
        var aggregator = HashAggregator.Create(Schema, [], [AggregateSpec.Parse("n", "count(*)"), AggregateSpec.Parse("total", "sum(amount)"), AggregateSpec.Parse("top", "max(region)")]);
        aggregator.Add(ToBatch([]), Batches.Context);
        Assert.Equal(new object?[] { 0L, null, null }, aggregator.Finish().GetRow(0));
    }

    [Fact]
    public void Merge_OfPartitions_EqualsOneAggregation()
    {
        var rows = RandomRows(new Random(42), 300);
        HashAggregator New() => HashAggregator.Create(Schema, [GroupKey.Column("region")], AllAggregates());
        var whole = New();
        whole.Add(ToBatch(rows), Batches.Context);
        var left = New();
        left.Add(ToBatch(rows.Take(120)), Batches.Context);
        var right = New();
        right.Add(ToBatch(rows.Skip(120)), Batches.Context);
        left.Merge(right);
        var expected = ByRegion(whole.Finish());
        var actual = ByRegion(left.Finish());
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (key, row) in expected)
        {
            Assert.Equal(row.Select(v => v is double d ? Math.Round(d, 6) : v), actual[key].Select(v => v is double d ? Math.Round(d, 6) : v));
        }
    }

    [Fact]
    public void SumOverflow_FailsNamingTheAggregate()
    {
        var schema = new StructType(new StructField("v", DataType.Long));
        var aggregator = HashAggregator.Create(schema, [], [AggregateSpec.Parse("total", "sum(v)", new ExpressionOrigin("gold.yaml", 8, 12))]);
        var error = Assert.Throws<ExpressionException>(() => aggregator.Add(Batches.Build(schema, [long.MaxValue], [1L]), Batches.Context));
        Assert.StartsWith("gold.yaml:8:12: aggregate 'total' overflowed bigint", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sum(region)", "sum needs a number but the argument is string")]
    [InlineData("avg(order_date)", "avg needs a number but the argument is date")]
    [InlineData("sum(regon)", "unknown column 'regon'; did you mean 'region'?")]
    public void Create_WithWrongArguments_PointsAtThem(string text, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => HashAggregator.Create(Schema, [], [AggregateSpec.Parse("x", text)]));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Offset);
    }

    [Fact]
    public void Create_WithDuplicateOutputNames_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => HashAggregator.Create(Schema, [GroupKey.Column("region")], [AggregateSpec.Parse("REGION", "count(*)")]));
        Assert.Contains("'region' twice", error.Message, StringComparison.Ordinal);
    }
}
