using System.Globalization;
using CsvHelper;
using Lakehouse.Pipelines.Billing;
using Lakehouse.Testing.Interop;
using Lakehouse.Testing.IO;

namespace Lakehouse.Pipelines.Tests.Billing;

public sealed class BillableUsageCsvTests
{
    private static readonly DateTimeOffset Nov21 = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<BillableUsageRow> SampleRows()
    {
        var agg = new BillableUsageAggregator(BillingRates.Default);
        foreach (var r in UsageSamples.Random(500, seed: 3, Nov21, TimeSpan.FromHours(30), "ws-1"))
        {
            agg.Add(r);
        }

        return agg.Rows();
    }

    [Fact]
    public void Key_FollowsTheDatabricksDeliveryLayout()
    {
        Assert.Equal("logs/billable-usage/csv/workspaceId=1234-usageMonth=2026-11.csv", BillableUsageCsv.Key("/logs/", "1234", 2026, 11));
        Assert.Equal("billable-usage/csv/workspaceId=1234-usageMonth=2027-01.csv", BillableUsageCsv.Key(string.Empty, "1234", 2027, 1));
    }

    [Fact]
    public void Write_QuotesJsonTagsPerRfc4180()
    {
        var text = System.Text.Encoding.UTF8.GetString(BillableUsageCsv.ToUtf8(SampleRows().Take(1)));
        var lines = text.Split('\n');

        Assert.Equal("workspaceId,timestamp,clusterId,clusterName,clusterNodeType,clusterOwnerUserId,clusterCustomTags,sku,dbus,machineHours,clusterOwnerUserName,tags", lines[0]);
        Assert.Contains(",\"{\"\"cost-center\"\":", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^ws-1,2026-11-2\dT\d\d:59:59\.999Z,", lines[1]);
        Assert.Equal(string.Empty, lines[2]);
    }

    [Fact]
    public void Write_ReadsBackWithCsvHelperAsTheSameRows()
    {
        var rows = SampleRows();
        // CsvHelper 34's reader (the registry's version; its API differs from the classic CsvConfiguration one).
        using var csv = CsvReader.FromText(System.Text.Encoding.UTF8.GetString(BillableUsageCsv.ToUtf8(rows)), null);
        Assert.Equal(BillableUsageRow.Columns, csv.Headers.ToArray());

        var i = 0;
        while (csv.Read())
        {
            var expected = rows[i++];
            Assert.Equal(12, csv.FieldCount);
            Assert.Equal(expected.WorkspaceId, csv.GetString(0));
            Assert.Equal(expected.Timestamp, DateTimeOffset.Parse(csv.GetString(1), CultureInfo.InvariantCulture));
            Assert.Equal(expected.ClusterCustomTags, csv.GetString(csv.GetFieldIndex("clusterCustomTags")));
            Assert.Equal(expected.Dbus, decimal.Parse(csv.GetString(csv.GetFieldIndex("dbus")), CultureInfo.InvariantCulture));
            Assert.Equal(expected.MachineHours, decimal.Parse(csv.GetString(csv.GetFieldIndex("machineHours")), CultureInfo.InvariantCulture));
            Assert.Equal(expected.Tags, csv.GetString(11));
        }

        Assert.Equal(rows.Count, i);
    }

    [Fact]
    public async Task Write_DuckDbReadsTwelveTypedColumns()
    {
        var rows = SampleRows();
        using var dir = new TempDirectory();
        var path = dir.Combine("usage.csv");
        await File.WriteAllBytesAsync(path, BillableUsageCsv.ToUtf8(rows));

        var result = await InteropHarness.Shared.QueryDuckDbAsync(
            $"SELECT * FROM read_csv({InteropHarness.SqlString(path)}, header = true, auto_detect = true)");
        Assert.Equal(BillableUsageRow.Columns, result.Columns);
        Assert.Equal(rows.Count, result.Rows.Count);
        Assert.Equal("TIMESTAMP WITH TIME ZONE", result.Types[1]);
        Assert.Equal("DOUBLE", result.Types[8]);
        Assert.Equal("DOUBLE", result.Types[9]);

        var sums = await InteropHarness.Shared.QueryDuckDbAsync(
            $"SELECT sum(dbus)::DECIMAL(38,12) AS d, count(DISTINCT sku) AS s, count(*) AS n FROM read_csv({InteropHarness.SqlString(path)}, header = true)");
        Assert.Equal(Math.Round(rows.Sum(r => r.Dbus), 6), Math.Round(decimal.Parse(sums.Rows[0]![0]!.ToString(), CultureInfo.InvariantCulture), 6));
    }
}
