using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Testing;

namespace Lakehouse.Pipelines.Tests.Definitions;

public sealed class SamplePipelineTests
{
    private static readonly string SamplePath = Path.Combine(RepositoryPaths.Root, "samples", "retail", "pipeline.yaml");

    [Fact]
    public async Task LoadAsync_RetailSample_ParsesEverySection()
    {
        var definition = await PipelineDefinitionParser.LoadAsync(SamplePath, CancellationToken.None);

        Assert.Equal("retail", definition.Name);
        Assert.Equal("ws-retail-demo", definition.WorkspaceId);
        Assert.Equal(new OwnerDefinition("u-1001", "Retail Analytics"), definition.Owner);
        Assert.Equal("cc-42", definition.Tags["costCenter"]);
        Assert.Equal(["orders", "customers"], definition.Sources.Select(s => s.Name));
        Assert.Equal(["orders", "customers"], definition.Silver.Select(s => s.Name));
        Assert.Equal(["daily_sales", "customer_lifetime"], definition.Gold.Select(s => s.Name));
    }

    [Fact]
    public async Task LoadAsync_RetailSample_ReadsSourceOptions()
    {
        var definition = await PipelineDefinitionParser.LoadAsync(SamplePath, CancellationToken.None);
        var orders = definition.FindSource("orders")!;

        Assert.Equal(SourceFormat.Csv, orders.Format);
        Assert.Equal("orders_bronze", orders.Table);
        Assert.Equal(new DecimalType(12, 2), orders.SchemaHints.Single(h => h.Column == "amount").Type);
        Assert.Equal(DataType.Timestamp, orders.SchemaHints.Single(h => h.Column == "ordered_at").Type);
        Assert.True(orders.HasIngestDate);
        Assert.Equal(2048, orders.MaxFileSizeMb);
        Assert.Equal(SchemaEvolutionMode.AddNewColumns, orders.SchemaEvolution);
        Assert.Equal(SchemaEvolutionMode.Rescue, definition.FindSource("customers")!.SchemaEvolution);
        Assert.Equal(SourceFormat.Json, definition.FindSource("customers")!.Format);
    }

    [Fact]
    public async Task LoadAsync_RetailSample_KeepsExpressionsWithTheirPositions()
    {
        var definition = await PipelineDefinitionParser.LoadAsync(SamplePath, CancellationToken.None);
        var lines = await File.ReadAllLinesAsync(SamplePath);
        var orders = definition.FindSilver("orders")!;
        var expectation = orders.Expectations.Single(e => e.Name == "positive_amount");

        Assert.Equal("amount > 0", expectation.Expression.Text);
        var pos = expectation.Expression.Position;
        Assert.Equal("amount > 0", lines[pos.Line - 1].Substring(pos.Column - 1, "amount > 0".Length));
        Assert.Equal(ExpectationAction.Drop, expectation.Action);
        Assert.Equal(SilverMode.Merge, orders.Mode);
        Assert.Equal(["order_id"], orders.Merge!.Keys);
        Assert.Equal("status = 'deleted'", orders.Merge.DeleteWhen!.Text);
        Assert.Equal("to_date(ordered_at)", orders.Select.Single(s => s.Name == "order_date").Expression.Text);
        Assert.Equal("ordered_at", orders.Dedupe!.SequenceBy);
        Assert.Equal(SilverMode.Scd2, definition.FindSilver("customers")!.Mode);
    }

    [Fact]
    public async Task LoadAsync_RetailSample_ParsesAggregations()
    {
        var definition = await PipelineDefinitionParser.LoadAsync(SamplePath, CancellationToken.None);
        var lines = await File.ReadAllLinesAsync(SamplePath);
        var daily = definition.FindGold("daily_sales")!;

        Assert.Equal(["orders"], daily.From.Select(f => f.Name));
        Assert.Equal(["order_date"], daily.GroupBy.Select(g => g.Text));
        Assert.Equal(AggregateFunction.Count, daily.Aggregations[0].Function);
        Assert.Null(daily.Aggregations[0].Argument);
        var revenue = daily.Aggregations.Single(a => a.Name == "revenue");
        Assert.Equal(AggregateFunction.Sum, revenue.Function);
        Assert.Equal("amount", revenue.Argument!.Text);
        var pos = revenue.Argument.Position;
        Assert.Equal("amount", lines[pos.Line - 1].Substring(pos.Column - 1, 6));
        Assert.Equal(AggregateFunction.CountDistinct, daily.Aggregations.Single(a => a.Name == "customers").Function);
        Assert.Equal(GoldMode.Merge, definition.FindGold("customer_lifetime")!.Mode);
    }
}
