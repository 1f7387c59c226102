using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Transforms;
using static Lakehouse.Pipelines.Tests.Transforms.TransformScenario;

namespace Lakehouse.Pipelines.Tests.Transforms;

public sealed class GoldTests
{
    private static readonly string MergeYaml = SilverMergeTests.Yaml + """

          - name: customer_totals
            from: [orders]
            groupBy: [customer_id]
            aggregations:
              - orders: count(*)
              - lifetime_value: sum(amount)
            mode: merge
        """;

    private static async Task<TransformScenario> SilverReadyAsync(string yaml)
    {
        var s = new TransformScenario(yaml);
        await SilverMergeTests.LoadFirstBatchAsync(s);
        await SilverMergeTests.LoadSecondBatchAsync(s);
        await s.AppendBronzeAsync("orders_bronze", OrderSchema,
            [6L, 16L, "placed", 30.00m, T(4)],
            [7L, 17L, "cancelled", 99.00m, T(4)]);
        await s.RunAsync("silver", "orders");
        return s;
    }

    [Fact]
    public async Task Run_Overwrite_AggregatesFilteredSilverRows()
    {
        var s = await SilverReadyAsync(SilverMergeTests.Yaml);

        var summary = await s.RunAsync("gold", "status_totals");

        Assert.Equal(
            ["delivered|1|1|7.00|7.00|t5", "placed|2|2|80.00|30.00|t4", "shipped|1|1|10.00|10.00|t2"],
            await s.RowsAsync(MedallionLayer.Gold, "status_totals", "status", "orders", "customers", "revenue", "smallest", "largest"));
        Assert.Equal(
            ["7.000000", "10.000000", "40.000000"],
            (await s.RowsAsync(MedallionLayer.Gold, "status_totals", "average")).OrderBy(v => decimal.Parse(v, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(5, (long)summary["rowsRead"]!);
        Assert.Equal(1, (long)summary["rowsDropped"]!);
    }

    [Fact]
    public async Task Run_NoSourceChange_IsSkipped_AndSourceChange_Recomputes()
    {
        var s = await SilverReadyAsync(SilverMergeTests.Yaml);
        var first = await s.RunAsync("gold", "status_totals");

        var second = await s.RunAsync("gold", "status_totals");
        Assert.Equal(TransformStatus.Skipped, (string?)second["status"]);
        Assert.Equal((long)first["versionWritten"]!, (await s.Table(MedallionLayer.Gold, "status_totals").GetSnapshotAsync()).Version);

        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [6L, 16L, "shipped", 30.00m, T(8)]);
        await s.RunAsync("silver", "orders");
        var third = await s.RunAsync("gold", "status_totals");

        Assert.Equal(TransformStatus.Succeeded, (string?)third["status"]);
        Assert.Equal(
            ["delivered|1|7.00", "placed|1|50.00", "shipped|2|40.00"],
            await s.RowsAsync(MedallionLayer.Gold, "status_totals", "status", "orders", "revenue"));
    }

    [Fact]
    public async Task Run_Merge_RewritesOnlyChangedGroups()
    {
        var s = await SilverReadyAsync(MergeYaml);
        await s.RunAsync("gold", "customer_totals");
        Assert.Equal(
            ["11|1|10.00", "14|1|7.00", "15|1|50.00", "16|1|30.00", "17|1|99.00"],
            await s.RowsAsync(MedallionLayer.Gold, "customer_totals", "customer_id", "orders", "lifetime_value"));

        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [8L, 14L, "placed", 3.00m, T(9)]);
        await s.RunAsync("silver", "orders");
        var summary = await s.RunAsync("gold", "customer_totals");

        Assert.Equal(
            ["11|1|10.00", "14|2|10.00", "15|1|50.00", "16|1|30.00", "17|1|99.00"],
            await s.RowsAsync(MedallionLayer.Gold, "customer_totals", "customer_id", "orders", "lifetime_value"));
        Assert.Equal("incremental", (string?)summary["strategy"]);
        Assert.Equal(1, (long)summary["details"]!["groups_affected"]!);
        Assert.Equal(1, (long)summary["rowsWritten"]!);
    }
}
