using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Testing;
using static Lakehouse.Pipelines.Tests.Transforms.TransformScenario;

namespace Lakehouse.Pipelines.Tests.Transforms;

/// <summary>The retail sample pipeline end to end from bronze: partitioned silver merge, then both gold tables.</summary>
public sealed class RetailSampleTests
{
    private static readonly string SamplePath = Path.Combine(RepositoryPaths.Root, "samples", "retail", "pipeline.yaml");

    [Fact]
    public async Task RetailSample_SilverAndGold_MatchHandCheckedResults()
    {
        var s = new TransformScenario(await PipelineDefinitionParser.LoadAsync(SamplePath, CancellationToken.None));
        const int Day = 24 * 60;
        await s.AppendBronzeAsync("orders_bronze", OrderSchema,
            [1L, 11L, "placed", 10.00m, T(600)],
            [1L, 11L, "shipped", 10.00m, T(720)],
            [2L, 12L, "placed", 20.00m, T(Day + 540)],
            [3L, 13L, "cancelled", 5.00m, T(Day + 600)],
            [4L, 14L, "placed", 0.00m, T(60)]);
        await s.RunAsync("silver", "orders");
        var silver = s.Table(MedallionLayer.Silver, "orders");
        var firstDayFile = Assert.Single((await silver.GetSnapshotAsync()).Files, f => f.Path.Contains("order_date=2026-03-01", StringComparison.Ordinal)).Path;

        await s.AppendBronzeAsync("orders_bronze", OrderSchema,
            [2L, 12L, "deleted", 20.00m, T(Day + 660)],
            [5L, 11L, "delivered", 30.00m, T(Day + 720)]);
        var merge = await s.RunAsync("silver", "orders");

        Assert.Equal(
            ["1|shipped|SHIPPED|2026-03-01", "3|cancelled|CANCELLED|2026-03-02", "5|delivered|DELIVERED|2026-03-02"],
            await s.RowsAsync(MedallionLayer.Silver, "orders", "order_id", "status", "status_upper", "order_date"));
        Assert.Contains(firstDayFile, (await silver.GetSnapshotAsync()).Files.Select(f => f.Path));
        Assert.Equal(1, (long)merge["expectations"]!["known_status"]!["failed"]!);

        await s.RunAsync("gold", "daily_sales");
        await s.RunAsync("gold", "customer_lifetime");

        Assert.Equal(
            ["2026-03-01|1|1|10.00|10.00", "2026-03-02|1|1|30.00|30.00"],
            await s.RowsAsync(MedallionLayer.Gold, "daily_sales", "order_date", "orders", "customers", "revenue", "largest_order"));
        Assert.Equal(
            ["11|2|40.00|t720|t2160", "13|1|5.00|t2040|t2040"],
            await s.RowsAsync(MedallionLayer.Gold, "customer_lifetime", "customer_id", "orders", "lifetime_value", "first_order_at", "last_order_at"));
    }
}
