using Lakehouse.Pipelines.Billing;
using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Pipelines.Tests.Billing;

public sealed class BillableUsageAggregatorTests
{
    private static readonly DateTimeOffset Nov21 = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_TwoInvocationsInOneHour_MakeOneRowWithSummedUnits()
    {
        var agg = new BillableUsageAggregator(BillingRates.Default);
        agg.Add(UsageSamples.Invocation("ws1", Nov21.AddHours(9).AddMinutes(5), 1500));
        agg.Add(UsageSamples.Invocation("ws1", Nov21.AddHours(9).AddMinutes(59), 500));

        var row = Assert.Single(agg.Rows());
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 9, 59, 59, 999, TimeSpan.Zero), row.Timestamp);
        // 2,000 ms at 1 GB = 2 GB-s; x86_64 rate 0.0001 units/GB-s.
        Assert.Equal(0.0002m, row.Dbus);
        Assert.Equal(Math.Round(1500 / 3_600_000m, 12) + Math.Round(500 / 3_600_000m, 12), row.MachineHours);
        Assert.Equal("lambda.x86_64.1024mb", row.ClusterNodeType);
        Assert.Equal(Skus.TransformCompute, row.Sku);
        Assert.Equal("retail/transform", row.ClusterName);
        Assert.Equal("{\"cost-center\":\"cc,1 \\u0022x\\u0022\",\"team\":\"data\"}", row.ClusterCustomTags);
        Assert.Contains("\"Vendor\":\"Lakehouse\"", row.Tags, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_OrchestrationRecord_BillsStateTransitionsWithoutMachineHours()
    {
        var agg = new BillableUsageAggregator(BillingRates.Parse("transitions=0.5"));
        agg.Add(new UsageRecord
        {
            WorkspaceId = "ws1", RequestId = "exec-1", Kind = UsageKind.Orchestration, Pipeline = "retail",
            Function = "pipeline", Start = Nov21, End = Nov21.AddMinutes(1), StateTransitions = 3000,
        });

        var row = Assert.Single(agg.Rows());
        Assert.Equal(1.5m, row.Dbus);
        Assert.Equal(0m, row.MachineHours);
        Assert.Equal(Skus.Orchestration, row.Sku);
    }

    [Fact]
    public void Rows_ManyRandomRecords_TotalsEqualRecordTotalsExactly()
    {
        var records = UsageSamples.Random(20_000, seed: 7, Nov21, TimeSpan.FromDays(3), "ws1", "ws2");
        var agg = new BillableUsageAggregator(BillingRates.Default);
        foreach (var r in records)
        {
            agg.Add(r);
        }

        var rows = agg.Rows();
        var expectedDbus = records.Sum(r => agg.Contribution(r).Dbus);
        var expectedHours = records.Sum(r => r.Kind == UsageKind.Orchestration ? 0m : Math.Round(r.BilledDurationMs / 3_600_000m, 12));
        Assert.Equal(expectedDbus, rows.Sum(r => r.Dbus));
        Assert.Equal(expectedHours, rows.Sum(r => r.MachineHours));
        Assert.Equal(expectedDbus, agg.TotalDbus);
        var groups = records
            .Select(r => (r.WorkspaceId, r.Start.UtcDateTime.Date.AddHours(r.Start.UtcDateTime.Hour), r.Function, r.Pipeline, r.Kind, r.MemoryMb, r.Architecture))
            .Distinct()
            .Count();
        Assert.Equal(groups, rows.Count);
        Assert.All(rows, r => Assert.Equal(59, r.Timestamp.Minute));
    }

    [Fact]
    public void Add_UnknownArchitecture_FailsNamingIt()
    {
        var agg = new BillableUsageAggregator(BillingRates.Default);
        var ex = Assert.Throws<BillingException>(() => agg.Add(UsageSamples.Invocation("ws1", Nov21, 10, arch: "riscv64")));
        Assert.Contains("riscv64", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x86_64=abc")]
    [InlineData("=1")]
    [InlineData("arm64")]
    public void Parse_InvalidRateTable_FailsWithExample(string text)
    {
        var ex = Assert.Throws<BillingException>(() => BillingRates.Parse(text));
        Assert.Contains("x86_64=0.0001", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BilledMilliseconds_RoundsUpPartialMilliseconds()
    {
        Assert.Equal(2, UsageRecord.BilledMilliseconds(Nov21, Nov21.AddTicks(TimeSpan.TicksPerMillisecond + 1)));
        Assert.Equal(1, UsageRecord.BilledMilliseconds(Nov21, Nov21.AddMilliseconds(1)));
        Assert.Equal(0, UsageRecord.BilledMilliseconds(Nov21, Nov21));
    }
}
