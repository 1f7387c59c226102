using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Transforms;
using static Lakehouse.Pipelines.Tests.Transforms.TransformScenario;

namespace Lakehouse.Pipelines.Tests.Transforms;

public sealed class SilverAppendTests
{
    private const string Yaml = """
        version: 1
        pipeline: shop
        workspace: ws-1
        owner: {id: u-1}
        sources:
          - {name: orders, path: shop/orders/, format: csv, table: orders_bronze}
        silver:
          - name: order_log
            from: orders_bronze
            select:
              - order_id
              - status_upper: "upper(status)"
              - cents: "cast(amount * 100 as bigint)"
            filter: "status <> 'cancelled'"
            mode: append
        """;

    [Fact]
    public async Task Run_Append_ProjectsFiltersAndReadsOnlyNewVersions()
    {
        var s = new TransformScenario(Yaml);
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [1L, 11L, "placed", 10.50m, T(1)], [2L, 12L, "cancelled", 3.00m, T(1)]);
        await s.RunAsync("silver", "order_log");
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [1L, 11L, "shipped", 10.50m, T(2)]);
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [3L, 13L, "placed", 1.25m, T(3)]);

        var summary = await s.RunAsync("silver", "order_log");

        Assert.Equal(["1|PLACED|1050", "1|SHIPPED|1050", "3|PLACED|125"], await s.RowsAsync(MedallionLayer.Silver, "order_log", "order_id", "status_upper", "cents"));
        Assert.Equal(2, (long)summary["rowsRead"]!);
        Assert.Equal(2, (long)summary["rowsWritten"]!);
        Assert.Equal(3, (long)summary["sourceVersions"]!["orders_bronze"]!);
    }

    [Fact]
    public async Task Run_SourceHistoryCleanedUp_FallsBackToSnapshotDiff()
    {
        var s = new TransformScenario(Yaml);
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [1L, 11L, "placed", 1.00m, T(1)]);
        await s.RunAsync("silver", "order_log");
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [2L, 12L, "placed", 2.00m, T(2)]);
        await s.Table(MedallionLayer.Bronze, "orders_bronze").CheckpointAsync();
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [3L, 13L, "placed", 3.00m, T(3)]);
        // Log cleanup after the checkpoint at version 1 removed commit 1: the increment cannot be replayed from commits.
        await s.Store.DeleteAsync("shop/bronze/orders_bronze/_delta_log/00000000000000000001.json", CancellationToken.None);

        var summary = await s.RunAsync("silver", "order_log");

        Assert.Equal(["1|PLACED|100", "2|PLACED|200", "3|PLACED|300"], await s.RowsAsync(MedallionLayer.Silver, "order_log", "order_id", "status_upper", "cents"));
        Assert.Equal(2, (long)summary["rowsWritten"]!);
    }

    [Fact]
    public async Task Run_SelectNamesUnknownColumn_FailsWithYamlPosition()
    {
        var s = new TransformScenario(Yaml.Replace("upper(status)", "upper(state)", StringComparison.Ordinal));
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [1L, 11L, "placed", 1.00m, T(1)]);

        var e = await Assert.ThrowsAsync<PipelineDefinitionException>(() => s.RunAsync("silver", "order_log"));

        Assert.Equal(("pipeline.yaml", 12), (e.Position.File, e.Position.Line));
        Assert.Contains("order_log", e.Message);
        Assert.Contains("state", e.Message);
        Assert.False(await s.Table(MedallionLayer.Silver, "order_log").ExistsAsync());
    }

    [Fact]
    public async Task Run_SourceMissing_IsSkipped()
    {
        var s = new TransformScenario(Yaml);

        var summary = await s.RunAsync("silver", "order_log");

        Assert.Equal(TransformStatus.Skipped, (string?)summary["status"]);
    }
}
