using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Lake;

namespace Lakehouse.Pipelines.Tests.Transforms;

public sealed class SilverScd2Tests
{
    private const string Yaml = """
        version: 1
        pipeline: crm
        workspace: ws-1
        owner: {id: u-1}
        sources:
          - {name: customers, path: crm/customers/, format: json, table: customers_bronze}
        silver:
          - name: customers
            from: customers_bronze
            select:
              - customer_id
              - name
              - email: "lower(email)"
              - updated_at
            expectations:
              - {name: valid_email, expr: "email like '%@%'", action: warn}
            mode: scd2
            merge: {keys: [customer_id], sequenceBy: updated_at, deleteWhen: "name = 'DELETE'"}
        """;

    private static readonly StructType Schema = new(
        new StructField("customer_id", DataType.Long),
        new StructField("name", DataType.String),
        new StructField("email", DataType.String),
        new StructField("updated_at", DataType.Long));

    private static readonly string[] Columns = ["customer_id", "email", "__START_AT", "__END_AT"];

    [Fact]
    public async Task Run_Changes_BuildExactHistoryIncludingOutOfOrderAndDeletes()
    {
        var s = new TransformScenario(Yaml);
        await s.AppendBronzeAsync("customers_bronze", Schema,
            [1L, "Ann", "A@X", 1L],
            [2L, "Bob", "b@x", 1L],
            [1L, "Ann", "ann@x", 3L],
            [3L, "Cy", "c@x", 1L]);
        await s.RunAsync("silver", "customers");
        Assert.Equal(
            ["1|a@x|1|3", "1|ann@x|3|null", "2|b@x|1|null", "3|c@x|1|null"],
            await s.RowsAsync(MedallionLayer.Silver, "customers", Columns));

        await s.AppendBronzeAsync("customers_bronze", Schema,
            [1L, "Ann", "late@x", 2L],
            [2L, "Bob", "bob@x", 5L],
            [1L, "Ann", "ann@x", 3L],
            [3L, "DELETE", "none", 4L]);
        var summary = await s.RunAsync("silver", "customers");

        Assert.Equal(
            ["1|a@x|1|2", "1|ann@x|3|null", "1|late@x|2|3", "2|b@x|1|5", "2|bob@x|5|null", "3|c@x|1|4"],
            await s.RowsAsync(MedallionLayer.Silver, "customers", Columns));
        Assert.Equal(2, (long)summary["details"]!["versions_added"]!);
        Assert.Equal(1, (long)summary["details"]!["keys_deleted"]!);
        Assert.Equal(1, (long)summary["details"]!["changes_ignored"]!);
        Assert.Equal(1, (long)summary["expectations"]!["valid_email"]!["failed"]!);
    }

    [Fact]
    public async Task Run_ReplayedBronzeRows_LeaveHistoryUnchanged()
    {
        var s = new TransformScenario(Yaml);
        object?[][] rows = [[1L, "Ann", "a@x", 1L], [1L, "Ann", "b@x", 2L]];
        await s.AppendBronzeAsync("customers_bronze", Schema, rows);
        await s.RunAsync("silver", "customers");
        await s.AppendBronzeAsync("customers_bronze", Schema, rows);

        await s.RunAsync("silver", "customers");

        Assert.Equal(["1|a@x|1|2", "1|b@x|2|null"], await s.RowsAsync(MedallionLayer.Silver, "customers", Columns));
    }

    [Fact]
    public async Task Run_LateUpdateOlderThanADelete_DoesNotReopenTheClosedRow()
    {
        var s = new TransformScenario(Yaml);
        await s.AppendBronzeAsync("customers_bronze", Schema, [1L, "Ann", "a@x", 1L]);
        await s.RunAsync("silver", "customers");
        await s.AppendBronzeAsync("customers_bronze", Schema, [1L, "DELETE", "none", 5L]);
        await s.RunAsync("silver", "customers");
        await s.AppendBronzeAsync("customers_bronze", Schema, [1L, "Ann", "late@x", 3L]);

        await s.RunAsync("silver", "customers");

        Assert.Equal(["1|a@x|1|3", "1|late@x|3|5"], await s.RowsAsync(MedallionLayer.Silver, "customers", Columns));
    }

    [Fact]
    public async Task Run_DeleteArrivingBeforeAnyVersion_ClosesTheOlderInsertArrivingLater()
    {
        var s = new TransformScenario(Yaml);
        await s.AppendBronzeAsync("customers_bronze", Schema, [2L, "Bob", "b@x", 1L], [1L, "DELETE", "none", 5L]);
        var first = await s.RunAsync("silver", "customers");
        await s.AppendBronzeAsync("customers_bronze", Schema, [1L, "Ann", "a@x", 3L]);

        await s.RunAsync("silver", "customers");

        Assert.Equal(["1|a@x|3|5", "2|b@x|1|null"], await s.RowsAsync(MedallionLayer.Silver, "customers", Columns));
        Assert.Equal(1, (long)first["details"]!["tombstones_written"]!);
    }

    [Fact]
    public async Task Run_InsertNewerThanARememberedDelete_BecomesCurrent()
    {
        var s = new TransformScenario(Yaml);
        await s.AppendBronzeAsync("customers_bronze", Schema, [1L, "DELETE", "none", 5L]);
        await s.RunAsync("silver", "customers");
        await s.AppendBronzeAsync("customers_bronze", Schema, [1L, "Ann", "a@x", 7L], [1L, "Ann", "old@x", 2L]);

        await s.RunAsync("silver", "customers");

        Assert.Equal(["1|a@x|7|null", "1|old@x|2|5"], await s.RowsAsync(MedallionLayer.Silver, "customers", Columns));
    }
}
