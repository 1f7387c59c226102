using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Tests.Conformance;

/// <summary>Row-level facts of the golden tables that ship their data files.</summary>
public class GoldenRowsTests
{
    public static TheoryData<string> WithRows => GoldenTable.Names(t => !t.Negative && !t.LogOnly && t.Rows is not null);

    internal static async Task<List<object?[]>> ReadRowsAsync(string name, long? version = null)
    {
        var table = GoldenLogTests.Open(GoldenTable.All[name]);
        var rows = new List<object?[]>();
        await foreach (var batch in table.ReadAsync(version))
        {
            for (var r = 0; r < batch.RowCount; r++)
            {
                rows.Add(batch.GetRow(r));
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(WithRows))]
    public async Task LatestVersion_HasExpectedRowCount(string name)
    {
        var rows = await ReadRowsAsync(name);

        Assert.Equal(GoldenTable.All[name].Rows, rows.Count);
    }

    [Fact]
    public async Task Partitioned_MaterialisesTypedPartitionColumns()
    {
        var rows = await ReadRowsAsync("delta-io_delta-rs/delta-0.8.0-partitioned");
        var schema = (await GoldenLogTests.Open(GoldenTable.All["delta-io_delta-rs/delta-0.8.0-partitioned"]).GetSnapshotAsync()).Schema;
        var v = schema.IndexOf("value");
        var y = schema.IndexOf("year");
        var m = schema.IndexOf("month");
        var d = schema.IndexOf("day");

        var tuples = rows.Select(r => $"{r[v]}:{r[y]}-{r[m]}-{r[d]}").Order(StringComparer.Ordinal);

        Assert.Equal(new[] { "1:2020-1-1", "2:2020-2-3", "3:2020-2-5", "4:2021-4-5", "5:2021-12-4", "6:2021-12-20", "7:2021-12-20" }, tuples);
    }

    [Fact]
    public async Task SpecialPartition_DecodesValues()
    {
        var rows = await ReadRowsAsync("delta-io_delta-rs/delta-0.8.0-special-partition");
        var schema = (await GoldenLogTests.Open(GoldenTable.All["delta-io_delta-rs/delta-0.8.0-special-partition"]).GetSnapshotAsync()).Schema;

        Assert.Equal(["A/A", "B B"], rows.Select(r => (string)r[schema.IndexOf("x")]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SimpleTable_TimeTravel_ReadsOlderVersion()
    {
        var latest = await ReadRowsAsync("delta-io_delta-rs/simple_table");
        var v0 = await ReadRowsAsync("delta-io_delta-rs/simple_table", 0);

        Assert.Equal([5L, 7L, 9L], latest.Select(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Equal([0L, 1L, 2L, 3L, 4L], v0.Select(r => Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    [Fact]
    public async Task DecimalTable_ReadsExactValues()
    {
        var rows = await ReadRowsAsync("delta-io_delta/basic-decimal-table");
        var schema = (await GoldenLogTests.Open(GoldenTable.All["delta-io_delta/basic-decimal-table"]).GetSnapshotAsync()).Schema;
        var col3 = schema.IndexOf("col3");

        Assert.Contains(rows, r => r[col3] is DecimalValue dv && dv.ToString() == "-9999999999.9999999999");
    }

    [Fact]
    public async Task IsoTimestampPartition_IsParsedAsUtc()
    {
        var rows = await ReadRowsAsync("delta-io_delta/kernel-timestamp-partition-col-ISO8601");
        var schema = (await GoldenLogTests.Open(GoldenTable.All["delta-io_delta/kernel-timestamp-partition-col-ISO8601"]).GetSnapshotAsync()).Schema;
        var ts = schema.IndexOf("ts");

        Assert.Equal(
            [1704103200000000L, 1704198600000000L],
            rows.Select(r => Int64Vector.ToUnixMicros((DateTime)r[ts]!)).Order());
    }

    [Fact]
    public async Task SchemaChange_ReferenceTable4_ReadsLatestSchemaOnly()
    {
        var rows = await ReadRowsAsync("delta-incubator_dat/reference_table_4");
        var schema = (await GoldenLogTests.Open(GoldenTable.All["delta-incubator_dat/reference_table_4"]).GetSnapshotAsync()).Schema;

        Assert.Equal(["num1", "num2"], schema.Fields.Select(f => f.Name));
        Assert.All(rows, r => Assert.InRange(Convert.ToInt64(r[0], System.Globalization.CultureInfo.InvariantCulture), 22, 66));
    }

    [Fact]
    public async Task MergeTable_HasExpectedValues()
    {
        var rows = await ReadRowsAsync("delta-io_delta/basic-with-inserts-merge");

        Assert.Equal(140, rows.Count);
        Assert.Contains(rows, r => Equals(r[0], 10) && Equals(r[1], "val=10"));
        Assert.Contains(rows, r => Equals(r[0], 149) && Equals(r[1], "EXT"));
    }
}
