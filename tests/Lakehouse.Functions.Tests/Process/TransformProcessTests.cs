using System.Text.Json.Nodes;
using Lakehouse.Pipelines.EventLog;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;
using Lakehouse.Testing.Lambda;

namespace Lakehouse.Functions.Tests.Process;

/// <summary>The published Transform bootstrap fed the state machine's task payloads (pipeline.asl.json's item selectors).</summary>
[Collection("moto")]
public sealed class TransformProcessTests(MotoServerFixture moto)
{
    private const string RunId = "retail-orders_bronze-v0";

    private const string Orders = """
        order_id,customer_id,status,amount,ordered_at
        1,10,placed,12.50,2026-11-20T09:00:00Z
        2,11,shipped,7.25,2026-11-21T09:05:00Z
        3,10,delivered,99.99,2026-11-21T09:10:00Z
        4,12,placed,-1.00,2026-11-21T09:15:00Z
        """;

    private static async Task<(LambdaRuntimeEmulator Emulator, BootstrapProcess Process)> StartAsync(TestBed bed)
    {
        var function = await PublishedFunctions.Transform;
        var emulator = new LambdaRuntimeEmulator("transform");
        return (emulator, BootstrapProcess.Start(function, emulator, bed.Environment(), memoryMb: 1024));
    }

    [Fact]
    public async Task Transform_SilverThenGoldSteps_CommitTheTablesReturnSummariesAndRecordUsage()
    {
        using var bed = await TestBed.CreateAsync(moto);
        await bed.IngestInProcessAsync(await bed.LandAsync("retail/orders/day.csv", Orders.ReplaceLineEndings("\n") + "\n"));
        var (emulator, process) = await StartAsync(bed);
        await using var _ = emulator;
        await using var __ = process;

        // The silver step exactly as the sample event (= the SilverWave item selector's output) has it.
        var silver = await emulator.InvokeAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "events", "transform-silver.json")), TimeSpan.FromMinutes(2));

        Assert.False(silver.IsError, silver.ToString());
        Assert.Equal("retail", silver.Json.GetProperty("pipeline").GetString());
        Assert.Equal(RunId, silver.Json.GetProperty("runId").GetString());
        Assert.Equal("orders", silver.Json.GetProperty("table").GetString());
        Assert.Equal("silver", silver.Json.GetProperty("layer").GetString());
        Assert.Equal("succeeded", silver.Json.GetProperty("status").GetString());
        Assert.Equal(0, silver.Json.GetProperty("versionWritten").GetInt64());
        Assert.Equal(4, silver.Json.GetProperty("rowsRead").GetInt64());
        Assert.Equal(3, silver.Json.GetProperty("rowsWritten").GetInt64());
        Assert.Equal(1, silver.Json.GetProperty("rowsDropped").GetInt64());   // positive_amount: drop
        Assert.Equal(0, silver.Json.GetProperty("sourceVersions").GetProperty("orders_bronze").GetInt64());
        var silverTable = bed.Runtime().Table("retail", MedallionLayer.Silver, "orders");
        Assert.Equal(0, (await silverTable.GetSnapshotAsync()).Version);
        var silverRows = await bed.ReadRowsAsync(MedallionLayer.Silver, "orders");
        Assert.Equal([1L, 2L, 3L], silverRows.Select(r => (long)r["order_id"]!).Order());
        Assert.Equal("SHIPPED", Text(silverRows.Single(r => (long)r["order_id"]! == 2)["status_upper"]));
        var silverUsage = await bed.WaitForUsageAsync(silver.RequestId);
        Assert.Equal("Transform", silverUsage["kind"].S);
        Assert.Equal("retail", silverUsage["pipeline"].S);
        Assert.Equal("silver/orders", silverUsage["stage"].S);
        Assert.Equal("u-1001", silverUsage["ownerId"].S);
        Assert.True(silverUsage["succeeded"].BOOL);

        // The gold step as the GoldWave item selector builds it, reading the silver table just written.
        var goldTask = new JsonObject { ["pipeline"] = "retail", ["layer"] = "gold", ["table"] = "daily_sales", ["runId"] = RunId };
        var gold = await emulator.InvokeAsync(goldTask.ToJsonString(), TimeSpan.FromMinutes(2));

        Assert.False(gold.IsError, gold.ToString());
        Assert.Equal("daily_sales", gold.Json.GetProperty("table").GetString());
        Assert.Equal("gold", gold.Json.GetProperty("layer").GetString());
        Assert.Equal("succeeded", gold.Json.GetProperty("status").GetString());
        Assert.Equal(0, gold.Json.GetProperty("versionWritten").GetInt64());
        Assert.Equal(2, gold.Json.GetProperty("rowsWritten").GetInt64());
        Assert.Equal(0, gold.Json.GetProperty("sourceVersions").GetProperty("orders").GetInt64());
        var daily = await bed.ReadRowsAsync(MedallionLayer.Gold, "daily_sales");
        Assert.Equal(2, daily.Count);
        var revenueByDay = daily.ToDictionary(r => (DateOnly)r["order_date"]!, r => r["revenue"]!.ToString());
        Assert.Equal("107.24", revenueByDay[new DateOnly(2026, 11, 21)]);
        Assert.Equal("12.50", revenueByDay[new DateOnly(2026, 11, 20)]);
        var goldUsage = await bed.WaitForUsageAsync(gold.RequestId);
        Assert.Equal("gold/daily_sales", goldUsage["stage"].S);
        Assert.True(goldUsage["succeeded"].BOOL);
    }

    [Fact]
    public async Task Transform_RecordFailurePayloadAndWrongShapes_RecordTheFailureOrAnswerInvalidEvent()
    {
        using var bed = await TestBed.CreateAsync(moto);
        var (emulator, process) = await StartAsync(bed);
        await using var _ = emulator;
        await using var __ = process;

        // The Catch path's payload names no layer or table (the one TransformRequest contract allows that).
        var recorded = await emulator.InvokeAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "events", "transform-record-failure.json")), TimeSpan.FromMinutes(1));
        var noRunId = await emulator.InvokeAsync("""{"pipeline":"retail","layer":"silver","table":"orders"}""", TimeSpan.FromMinutes(1));
        var noTable = await emulator.InvokeAsync("""{"pipeline":"retail","layer":"silver","runId":"r-1"}""", TimeSpan.FromMinutes(1));
        var badAction = await emulator.InvokeAsync("""{"pipeline":"retail","layer":"silver","table":"orders","runId":"r-1","action":"explode"}""", TimeSpan.FromMinutes(1));

        Assert.False(recorded.IsError, recorded.ToString());
        Assert.Equal("failed", recorded.Json.GetProperty("status").GetString());
        Assert.StartsWith("Lakehouse.CommitConflict: ", recorded.Json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("run/recordFailure", (await bed.WaitForUsageAsync(recorded.RequestId))["stage"].S);
        var events = await new PipelineEventLog(bed.Runtime(), "retail").ReadAsync();
        var failure = Assert.Single(events, e => e.EventType == PipelineEventTypes.RunFailed);
        Assert.Equal(RunId, failure.RunId);
        Assert.Contains("moved to version 8", failure.Error, StringComparison.Ordinal);
        Assert.Equal("Lakehouse.InvalidEvent", noRunId.ErrorType);
        Assert.Contains("runId", noRunId.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("Lakehouse.InvalidEvent", noTable.ErrorType);
        Assert.Contains("names no layer or table", noTable.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("Lakehouse.InvalidEvent", badAction.ErrorType);
        Assert.Contains("'explode'", badAction.ErrorMessage, StringComparison.Ordinal);
    }

    private static string? Text(object? value) => value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : value?.ToString();
}
