using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Transforms;
using static Lakehouse.Pipelines.Tests.Transforms.TransformScenario;

namespace Lakehouse.Pipelines.Tests.Transforms;

public sealed class SilverMergeTests
{
    internal const string Yaml = """
        version: 1
        pipeline: shop
        workspace: ws-1
        owner: {id: u-1}
        sources:
          - {name: orders, path: shop/orders/, format: csv, table: orders_bronze}
        silver:
          - name: orders
            from: orders_bronze
            filter: "order_id is not null"
            expectations:
              - {name: positive_amount, expr: "amount > 0", action: drop}
              - {name: known_status, expr: "status in ('placed', 'shipped', 'delivered', 'cancelled')", action: warn}
              - {name: has_customer, expr: "customer_id is not null", action: fail}
            dedupe: {keys: [order_id], sequenceBy: ordered_at}
            mode: merge
            merge: {keys: [order_id], sequenceBy: ordered_at, deleteWhen: "status = 'deleted'"}
        gold:
          - name: status_totals
            from: [orders]
            filter: "status <> 'cancelled'"
            groupBy: [status]
            aggregations:
              - orders: count(*)
              - customers: count_distinct(customer_id)
              - revenue: sum(amount)
              - average: avg(amount)
              - smallest: min(amount)
              - largest: max(ordered_at)
            mode: overwrite
        """;

    private static readonly string[] Columns = ["order_id", "customer_id", "status", "amount", "ordered_at"];

    internal static async Task LoadFirstBatchAsync(TransformScenario s) =>
        await s.AppendBronzeAsync("orders_bronze", OrderSchema,
            [1L, 11L, "placed", 10.00m, T(1)],
            [1L, 11L, "shipped", 10.00m, T(2)],
            [2L, 12L, "placed", 20.00m, T(1)],
            [3L, 13L, "placed", -5.00m, T(1)],
            [4L, 14L, "weird", 7.00m, T(1)],
            [null, 15L, "placed", 1.00m, T(1)]);

    internal static async Task LoadSecondBatchAsync(TransformScenario s) =>
        await s.AppendBronzeAsync("orders_bronze", OrderSchema,
            [1L, 11L, "placed", 10.00m, T(1)],
            [2L, 12L, "deleted", 20.00m, T(3)],
            [5L, 15L, "placed", 50.00m, T(2)],
            [4L, 14L, "delivered", 7.00m, T(5)]);

    [Fact]
    public async Task Run_FirstBatch_DedupesDropsAndWarns()
    {
        var s = new TransformScenario(Yaml);
        await LoadFirstBatchAsync(s);

        var summary = await s.RunAsync("silver", "orders");

        Assert.Equal(
            ["1|11|shipped|10.00|t2", "2|12|placed|20.00|t1", "4|14|weird|7.00|t1"],
            await s.RowsAsync(MedallionLayer.Silver, "orders", Columns));
        Assert.Equal(TransformStatus.Succeeded, (string?)summary["status"]);
        Assert.Equal(6, (long)summary["rowsRead"]!);
        Assert.Equal(1, (long)summary["rowsDropped"]!);
        Assert.Equal(1, (long)summary["sourceVersions"]!["orders_bronze"]!);
        Assert.Equal(1, (long)summary["expectations"]!["positive_amount"]!["failed"]!);
        Assert.Equal(4, (long)summary["expectations"]!["positive_amount"]!["passed"]!);
        Assert.Equal(1, (long)summary["expectations"]!["known_status"]!["failed"]!);
        Assert.Equal(0, (long)summary["expectations"]!["has_customer"]!["failed"]!);
    }

    [Fact]
    public async Task Run_LateUpdatesAndDeletes_AppliesOnlyNewerSequences()
    {
        var s = new TransformScenario(Yaml);
        await LoadFirstBatchAsync(s);
        await s.RunAsync("silver", "orders");
        await LoadSecondBatchAsync(s);

        var summary = await s.RunAsync("silver", "orders");

        Assert.Equal(
            ["1|11|shipped|10.00|t2", "4|14|delivered|7.00|t5", "5|15|placed|50.00|t2"],
            await s.RowsAsync(MedallionLayer.Silver, "orders", Columns));
        var details = summary["details"]!;
        Assert.Equal(1, (long)details["keys_inserted"]!);
        Assert.Equal(1, (long)details["keys_updated"]!);
        Assert.Equal(1, (long)details["keys_deleted"]!);
        Assert.Equal(1, (long)details["changes_ignored"]!);
        Assert.Equal(4, (long)summary["rowsRead"]!);
    }

    [Fact]
    public async Task Run_NewBronzeColumn_FlowsIntoSilverWhenSelectIsEmpty()
    {
        var s = new TransformScenario(Yaml);
        await LoadFirstBatchAsync(s);
        await s.RunAsync("silver", "orders");
        var wider = new StructType([.. OrderSchema.Fields, new StructField("channel", DataType.String)]);
        await s.AppendBronzeAsync("orders_bronze", wider, [6L, 16L, "placed", 60.00m, T(6), "web"]);

        await s.RunAsync("silver", "orders");

        Assert.Equal(
            ["1|null", "2|null", "4|null", "6|web"],
            await s.RowsAsync(MedallionLayer.Silver, "orders", "order_id", "channel"));
        var schema = (await s.Table(MedallionLayer.Silver, "orders").GetSnapshotAsync()).Schema;
        Assert.Equal(DataType.String, schema["channel"].Type);
    }

    [Fact]
    public async Task Run_Twice_SecondRunIsSkippedAndCommitsNothing()
    {
        var s = new TransformScenario(Yaml);
        await LoadFirstBatchAsync(s);
        var first = await s.RunAsync("silver", "orders");

        var second = await s.RunAsync("silver", "orders");

        Assert.Equal(TransformStatus.Skipped, (string?)second["status"]);
        Assert.Null(second["versionWritten"]);
        var version = (await s.Table(MedallionLayer.Silver, "orders").GetSnapshotAsync()).Version;
        Assert.Equal((long)first["versionWritten"]!, version);
    }

    [Fact]
    public async Task Run_ConcurrentOverlappingRuns_ApplyTheSourceOnce()
    {
        var s = new TransformScenario(Yaml);
        await LoadFirstBatchAsync(s);
        await s.RunAsync("silver", "orders");
        await LoadSecondBatchAsync(s);

        var results = await Task.WhenAll(
            Task.Run(() => s.RunAsync("silver", "orders", "run-a")),
            Task.Run(() => s.RunAsync("silver", "orders", "run-b")));

        Assert.Single(results, r => (string?)r["status"] == TransformStatus.Succeeded);
        Assert.Single(results, r => (string?)r["status"] == TransformStatus.Skipped);
        Assert.Equal(
            ["1|11|shipped|10.00|t2", "4|14|delivered|7.00|t5", "5|15|placed|50.00|t2"],
            await s.RowsAsync(MedallionLayer.Silver, "orders", Columns));
        var history = await s.Table(MedallionLayer.Silver, "orders").GetHistoryAsync();
        Assert.Equal(2, history.Count);
    }

    [Fact]
    public async Task Run_FailExpectationViolated_ThrowsAndCommitsNothing()
    {
        var s = new TransformScenario(Yaml);
        await LoadFirstBatchAsync(s);
        await s.RunAsync("silver", "orders");
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [7L, null, "placed", 70.00m, T(7)], [8L, 18L, "placed", 80.00m, T(7)]);

        var e = await Assert.ThrowsAsync<ExpectationFailedException>(() => s.RunAsync("silver", "orders", "run-fail"));

        Assert.Equal("has_customer", e.Expectation);
        Assert.Equal("orders", e.Table);
        Assert.Contains("order_id=7", e.SampleRow);
        Assert.Contains("customer_id=NULL", e.SampleRow);
        Assert.Equal(1, e.FailedRows);
        Assert.Equal(0, (await s.Table(MedallionLayer.Silver, "orders").GetSnapshotAsync()).Version);
        Assert.Equal(
            ["1|11|shipped|10.00|t2", "2|12|placed|20.00|t1", "4|14|weird|7.00|t1"],
            await s.RowsAsync(MedallionLayer.Silver, "orders", Columns));
        var events = await s.EventsAsync();
        var failed = Assert.Single(events, x => x.EventType == "step_failed");
        Assert.Equal("run-fail", failed.RunId);
        Assert.Contains("has_customer", failed.Error);
        var counts = Assert.Single(events, x => x.EventType == "expectation" && x.RunId == "run-fail" && x.Expectation == "has_customer");
        Assert.Equal(1, counts.Failed);
        Assert.Equal(1, counts.Passed);
    }

    [Fact]
    public async Task Run_WritesExpectationCountsAndStepEventsToTheEventLog()
    {
        var s = new TransformScenario(Yaml);
        await LoadFirstBatchAsync(s);

        await s.RunAsync("silver", "orders", "run-7");

        var events = (await s.EventsAsync()).Where(e => e.RunId == "run-7").ToList();
        Assert.Contains(events, e => e.EventType == "step_started" && e.Table == "orders" && e.Layer == "silver");
        var finished = Assert.Single(events, e => e.EventType == "step_finished");
        Assert.Equal(6, finished.RowsRead);
        Assert.Equal(1, finished.RowsDropped);
        Assert.Equal("succeeded", finished.Status);
        var drop = Assert.Single(events, e => e.Expectation == "positive_amount");
        Assert.Equal((4L, 1L, "drop"), (drop.Passed!.Value, drop.Failed!.Value, drop.ExpectationAction));
        var warn = Assert.Single(events, e => e.Expectation == "known_status");
        Assert.Equal((4L, 1L), (warn.Passed!.Value, warn.Failed!.Value));
    }

    [Fact]
    public async Task RecordFailure_WritesRunFailedEvent()
    {
        var s = new TransformScenario(Yaml);

        var result = await s.Step.RunAsync(new TransformRequest("shop", "silver", "orders", "run-9", "recordFailure", new TransformError("Lakehouse.CommitConflict", "too many retries")));

        Assert.Equal("failed", (string?)result["status"]);
        var e = Assert.Single(await s.EventsAsync());
        Assert.Equal(("run_failed", "run-9", "Lakehouse.CommitConflict: too many retries"), (e.EventType, e.RunId, e.Error));
    }
}
