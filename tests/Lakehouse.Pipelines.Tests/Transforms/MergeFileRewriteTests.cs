using Lakehouse.Pipelines.Lake;
using static Lakehouse.Pipelines.Tests.Transforms.TransformScenario;

namespace Lakehouse.Pipelines.Tests.Transforms;

public sealed class MergeFileRewriteTests
{
    private const string Yaml = """
        version: 1
        pipeline: shop
        workspace: ws-1
        owner: {id: u-1}
        sources:
          - {name: orders, path: shop/orders/, format: csv, table: orders_bronze}
        silver:
          - name: orders
            from: orders_bronze
            mode: merge
            merge: {keys: [order_id], sequenceBy: ordered_at}
        """;

    [Fact]
    public async Task Run_Merge_RewritesOnlyFilesHoldingAffectedKeys()
    {
        var s = new TransformScenario(Yaml);
        var silver = s.Table(MedallionLayer.Silver, "orders");
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [1L, 11L, "placed", 1.00m, T(1)], [2L, 12L, "placed", 2.00m, T(1)], [3L, 13L, "placed", 3.00m, T(1)]);
        await s.RunAsync("silver", "orders");
        var lowFile = Assert.Single((await silver.GetSnapshotAsync()).Files).Path;

        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [10L, 20L, "placed", 10.00m, T(1)], [11L, 21L, "placed", 11.00m, T(1)], [12L, 22L, "placed", 12.00m, T(1)]);
        var inserts = await s.RunAsync("silver", "orders");
        Assert.Equal(1, (long)inserts["details"]!["files_pruned"]!);
        Assert.Equal(0, (long)inserts["details"]!["files_rewritten"]!);
        var highFile = Assert.Single((await silver.GetSnapshotAsync()).Files, f => f.Path != lowFile).Path;

        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [11L, 21L, "shipped", 11.00m, T(2)]);
        var update = await s.RunAsync("silver", "orders");

        var files = (await silver.GetSnapshotAsync()).Files.Select(f => f.Path).ToList();
        Assert.Contains(lowFile, files);
        Assert.DoesNotContain(highFile, files);
        Assert.Equal(3, files.Count); // the untouched file, the carried rows of the rewritten one, the updated row
        Assert.Equal(1, (long)update["details"]!["files_rewritten"]!);
        Assert.Equal(1, (long)update["details"]!["files_pruned"]!);
        Assert.Equal(2, (long)update["details"]!["rows_carried"]!);
        Assert.Equal(
            ["10|placed", "11|shipped", "12|placed", "1|placed", "2|placed", "3|placed"],
            await s.RowsAsync(MedallionLayer.Silver, "orders", "order_id", "status"));
    }

    [Fact]
    public async Task Run_Merge_WhenStatsCannotPrune_ReadsOnlyKeyColumnsOfFilesWithoutAffectedRows()
    {
        var s = new TransformScenario(Yaml);
        var silver = s.Table(MedallionLayer.Silver, "orders");
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [1L, 11L, "placed", 1.00m, T(1)], [5L, 15L, "placed", 5.00m, T(1)]);
        await s.RunAsync("silver", "orders");
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [2L, 12L, "placed", 2.00m, T(1)], [6L, 16L, "placed", 6.00m, T(1)]);
        await s.RunAsync("silver", "orders");
        var before = (await silver.GetSnapshotAsync()).Files.Select(f => f.Path).ToList();
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [5L, 15L, "shipped", 5.00m, T(2)]);

        var update = await s.RunAsync("silver", "orders");

        var details = update["details"]!;
        Assert.Equal(2, (long)details["files_read"]!);
        Assert.Equal(1, (long)details["files_skipped_by_key_probe"]!);
        Assert.Equal(1, (long)details["files_rewritten"]!);
        Assert.Equal(1, (long)details["keys_updated"]!);
        Assert.Single((await silver.GetSnapshotAsync()).Files, f => before.Contains(f.Path));
        Assert.Equal(
            ["1|placed", "2|placed", "5|shipped", "6|placed"],
            await s.RowsAsync(MedallionLayer.Silver, "orders", "order_id", "status"));
    }
}
