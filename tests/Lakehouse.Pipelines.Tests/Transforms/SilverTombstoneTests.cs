using Lakehouse.Pipelines.Lake;
using Lakehouse.Testing;
using static Lakehouse.Pipelines.Tests.Transforms.TransformScenario;

namespace Lakehouse.Pipelines.Tests.Transforms;

/// <summary>SCD1 delete tombstones: out-of-order older changes after a delete stay ignored across runs, crashes and retention.</summary>
public sealed class SilverTombstoneTests
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
            merge: {keys: [order_id], sequenceBy: ordered_at, deleteWhen: "status = 'deleted'", tombstoneRetention: "1 day"}
        """;

    private static readonly string[] Columns = ["order_id", "status", "ordered_at"];

    private static async Task<TransformScenario> DeletedKeyOneAsync(TimeProvider? time = null, Func<Delta.Storage.IObjectStore, Delta.Storage.IObjectStore>? wrap = null)
    {
        var s = new TransformScenario(Yaml, time, wrap);
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [1L, 11L, "placed", 1.00m, T(1)], [2L, 12L, "placed", 2.00m, T(1)]);
        await s.RunAsync("silver", "orders");
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [1L, 11L, "deleted", 1.00m, T(10)]);
        return s;
    }

    [Fact]
    public async Task Run_DeleteThenOlderUpdateInLaterRun_KeyStaysDeleted()
    {
        var s = await DeletedKeyOneAsync();
        var delete = await s.RunAsync("silver", "orders");
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [1L, 11L, "shipped", 1.00m, T(8)]);

        var late = await s.RunAsync("silver", "orders");

        Assert.Equal(["2|placed|t1"], await s.RowsAsync(MedallionLayer.Silver, "orders", Columns));
        Assert.Equal(1, (long)delete["details"]!["keys_deleted"]!);
        Assert.Equal(1, (long)delete["details"]!["tombstones_written"]!);
        Assert.Equal(1, (long)late["details"]!["changes_ignored"]!);
        Assert.Equal(0, (long)late["details"]!["keys_inserted"]!);
    }

    [Fact]
    public async Task Run_DeleteThenNewerUpdateInLaterRun_ReinsertsKey()
    {
        var s = await DeletedKeyOneAsync();
        await s.RunAsync("silver", "orders");
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [1L, 11L, "placed", 5.00m, T(12)], [1L, 11L, "shipped", 5.00m, T(9)]);

        var reinsert = await s.RunAsync("silver", "orders");

        Assert.Equal(["1|placed|t12", "2|placed|t1"], await s.RowsAsync(MedallionLayer.Silver, "orders", Columns));
        Assert.Equal(1, (long)reinsert["details"]!["keys_inserted"]!);
    }

    [Fact]
    public async Task Run_DeleteOfAbsentKeyArrivingFirst_BlocksTheOlderInsertArrivingLater()
    {
        var s = new TransformScenario(Yaml);
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [9L, 19L, "deleted", 9.00m, T(10)], [2L, 12L, "placed", 2.00m, T(1)]);
        var first = await s.RunAsync("silver", "orders");
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [9L, 19L, "placed", 9.00m, T(5)]);

        await s.RunAsync("silver", "orders");

        Assert.Equal(["2|placed|t1"], await s.RowsAsync(MedallionLayer.Silver, "orders", Columns));
        Assert.Equal(1, (long)first["details"]!["tombstones_written"]!);
    }

    [Fact]
    public async Task Run_SilverTableStaysPlain_TombstonesLiveInTheSystemArea()
    {
        var s = await DeletedKeyOneAsync();

        await s.RunAsync("silver", "orders");

        var silver = await s.Table(MedallionLayer.Silver, "orders").GetSnapshotAsync();
        Assert.Equal(["order_id", "customer_id", "status", "amount", "ordered_at"], silver.Schema.Fields.Select(f => f.Name));
        var tombstones = s.Runtime.Table(s.Runtime.Layout.Tombstones("shop", "orders"));
        Assert.Equal("shop/_system/tombstones/orders", tombstones.TableRoot);
        Assert.Equal(["1|t10"], await RowsAsync(tombstones, "order_id", "__sequence"));
    }

    [Fact]
    public async Task Run_CrashBetweenTombstoneAndSilverCommits_RerunGivesTheSameResultAsOneRun()
    {
        CrashingObjectStore? crashing = null;
        var s = await DeletedKeyOneAsync(wrap: inner => crashing = new CrashingObjectStore(inner));
        crashing!.CrashOn = key => key == "shop/silver/orders/_delta_log/00000000000000000001.json";

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => s.RunAsync("silver", "orders", "run-crash"));
        var tombstones = s.Runtime.Table(s.Runtime.Layout.Tombstones("shop", "orders"));
        Assert.Equal(["1|t10"], await RowsAsync(tombstones, "order_id", "__sequence"));
        Assert.Equal(0, (await s.Table(MedallionLayer.Silver, "orders").GetSnapshotAsync()).Version);

        var rerun = await s.RunAsync("silver", "orders", "run-again");
        var again = await s.RunAsync("silver", "orders", "run-third");

        Assert.Equal(["2|placed|t1"], await s.RowsAsync(MedallionLayer.Silver, "orders", Columns));
        Assert.Equal(0, (long)rerun["details"]!["tombstones_written"]!);
        Assert.Equal(1, (long)rerun["details"]!["keys_deleted"]!);
        Assert.Equal("skipped", (string?)again["status"]);
        Assert.Equal(["1|t10"], await RowsAsync(tombstones, "order_id", "__sequence"));

        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [1L, 11L, "shipped", 1.00m, T(8)]);
        await s.RunAsync("silver", "orders", "run-late");
        Assert.Equal(["2|placed|t1"], await s.RowsAsync(MedallionLayer.Silver, "orders", Columns));

        var events = await s.EventsAsync();
        Assert.Single(events, e => e.RunId == "run-crash" && e.EventType == "step_started");
        Assert.DoesNotContain(events, e => e.RunId == "run-crash" && e.EventType != "step_started");
    }

    [Fact]
    public async Task Run_OverlappingRunsWithDeletes_LeaveTheSameResultAsOneRun()
    {
        var s = await DeletedKeyOneAsync();

        var results = await Task.WhenAll(
            Task.Run(() => s.RunAsync("silver", "orders", "run-a")),
            Task.Run(() => s.RunAsync("silver", "orders", "run-b")));
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [1L, 11L, "shipped", 1.00m, T(8)]);
        await s.RunAsync("silver", "orders");

        Assert.Single(results, r => (string?)r["status"] == "succeeded");
        Assert.Equal(["2|placed|t1"], await s.RowsAsync(MedallionLayer.Silver, "orders", Columns));
        var tombstones = s.Runtime.Table(s.Runtime.Layout.Tombstones("shop", "orders"));
        Assert.Equal(["1|t10"], await RowsAsync(tombstones, "order_id", "__sequence"));
    }

    [Theory]
    [InlineData(12, "2|placed|t1")]
    [InlineData(36, "1|shipped|t8;2|placed|t1")]
    public async Task Run_LateUpdateAfterRetention_IsAppliedOnlyOnceTheTombstoneExpired(int hoursLater, string expected)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        var s = await DeletedKeyOneAsync(time);
        await s.RunAsync("silver", "orders");
        time.Advance(TimeSpan.FromHours(hoursLater));
        await s.AppendBronzeAsync("orders_bronze", OrderSchema, [1L, 11L, "shipped", 1.00m, T(8)]);

        await s.RunAsync("silver", "orders");

        Assert.Equal(expected.Split(';'), await s.RowsAsync(MedallionLayer.Silver, "orders", Columns));
        var tombstones = await s.Runtime.Table(s.Runtime.Layout.Tombstones("shop", "orders")).GetSnapshotAsync();
        Assert.Equal(hoursLater > 24 ? 0 : 1, tombstones.Files.Count);
    }

    private static async Task<List<string>> RowsAsync(Delta.DeltaTable table, params string[] columns)
    {
        var rows = new List<string>();
        await foreach (var batch in table.ReadAsync((long?)null))
        {
            for (var r = 0; r < batch.RowCount; r++)
            {
                rows.Add(string.Join("|", columns.Select(c => batch.Column(c).GetValue(r) switch
                {
                    DateTime dt => "t" + (dt - BaseTime).TotalMinutes,
                    var v => v?.ToString() ?? "null",
                })));
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
