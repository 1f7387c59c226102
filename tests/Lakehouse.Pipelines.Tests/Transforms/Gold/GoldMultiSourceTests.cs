using Lakehouse.Delta;
using Lakehouse.Delta.Writing;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Transforms;
using Lakehouse.Pipelines.Transforms.Gold;

namespace Lakehouse.Pipelines.Tests.Transforms.Gold;

public sealed class GoldMultiSourceTests
{
    private const string Body = """
            from: [store_sales, web_sales]
            groupBy: [customer]
            aggregations:
              - rows: count(*)
              - regions: count_distinct(region)
              - biggest: max(amount)
            mode: merge
        """;

    private static readonly string Yaml = $"""
        version: 1
        pipeline: shop
        workspace: ws-1
        owner: {"{"}id: u-1{"}"}
        sources:
          - {"{"}name: sales, path: shop/sales/, format: csv, table: sales_bronze{"}"}
        silver:
          - {"{"}name: store_sales, from: sales_bronze, mode: append{"}"}
          - {"{"}name: web_sales, from: sales_bronze, mode: append{"}"}
        gold:
          - name: customers
        {Body}
          - name: customers_full
        {Body}
        """;

    private static async Task AppendAsync(DeltaTable table, params object?[][] rows)
    {
        if (!await table.ExistsAsync())
        {
            await DeltaTable.CreateAsync(table.Store, table.TableRoot, GoldScenario.SalesSchema, new CreateTableOptions(), table.LogStore);
        }

        await table.AppendAsync(GoldScenario.Batch(GoldScenario.SalesSchema, rows));
    }

    [Fact]
    public async Task Run_TwoSources_AreUnioned_AndAChangeInEitherUpdatesTheirSharedGroups()
    {
        var s = new TransformScenario(Yaml);
        var incremental = new TransformStep(s.Runtime, s.Pipeline);
        var full = new TransformStep(s.Runtime, s.Pipeline) { GoldPolicy = new GoldIncrementalPolicy(Enabled: false) };
        var store = s.Table(MedallionLayer.Silver, "store_sales");
        var web = s.Table(MedallionLayer.Silver, "web_sales");
        await AppendAsync(store, [1L, "north", 10L, 5.00m, 1], [2L, "south", 11L, 6.00m, 1]);
        await AppendAsync(web, [1L, "east", 10L, 7.00m, 1]);
        await incremental.RunAsync(new TransformRequest("shop", "gold", "customers", "run-1"));

        await AppendAsync(web, [2L, "west", 11L, 9.00m, 1], [3L, "east", 12L, 1.00m, 1]);
        var summary = await incremental.RunAsync(new TransformRequest("shop", "gold", "customers", "run-2"));
        await full.RunAsync(new TransformRequest("shop", "gold", "customers_full", "run-2"));

        Assert.Equal(GoldStrategyDecision.IncrementalStrategy, (string?)summary["strategy"]);
        Assert.Equal(2, (long)summary["details"]!["groups_affected"]!);
        Assert.Equal(["10|2|2|7.00", "11|2|2|9.00", "12|1|1|1.00"], await s.RowsAsync(MedallionLayer.Gold, "customers", "customer", "rows", "regions", "biggest"));
        Assert.Equal(
            await s.RowsAsync(MedallionLayer.Gold, "customers_full", "customer", "rows", "regions", "biggest"),
            await s.RowsAsync(MedallionLayer.Gold, "customers", "customer", "rows", "regions", "biggest"));
        Assert.Equal(2, summary["sourceVersions"]!.AsObject().Count);
    }
}
