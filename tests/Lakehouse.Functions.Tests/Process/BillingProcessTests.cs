using Amazon.S3.Model;
using Lakehouse.Aws.Metering;
using Lakehouse.Pipelines.Metering;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;
using Lakehouse.Testing.Lambda;

namespace Lakehouse.Functions.Tests.Process;

/// <summary>The published Billing bootstrap: usage table in, billable-usage CSV out.</summary>
[Collection("moto")]
public sealed class BillingProcessTests(MotoServerFixture moto)
{
    [Fact]
    public async Task Billing_SampleScheduledEvent_WritesTheMonthCsvFromUsageRecords()
    {
        using var bed = await TestBed.CreateAsync(moto);
        var usage = new DynamoDbUsageStore(bed.DynamoDb, bed.UsageTable);
        var day = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);   // events/billing-scheduled.json runs 2026-11-22T02:00Z
        for (var i = 0; i < 3; i++)
        {
            await usage.AppendAsync(new UsageRecord
            {
                WorkspaceId = TestBed.Workspace,
                RequestId = $"req-{i}",
                Kind = UsageKind.Transform,
                Pipeline = "retail",
                Stage = "silver/orders",
                Function = "transform",
                Start = day.AddMinutes(i),
                End = day.AddMinutes(i).AddSeconds(2),
                BilledDurationMs = 2000,
                MemoryMb = 1024,
                Architecture = "x86_64",
                OwnerId = "u-1001",
                OwnerName = "Retail Analytics",
            }, default);
        }

        var run = await bed.StepFunctions.StartExecutionAsync(bed.StateMachineArn, "retail-run-1", """{"pipeline":"retail","runId":"retail-run-1"}""", default);
        await bed.StepFunctions.StopExecutionAsync(run.ExecutionArn, "Test", "finished", default);

        var function = await PublishedFunctions.Billing;
        await using var emulator = new LambdaRuntimeEmulator("billing");
        await using var process = BootstrapProcess.Start(function, emulator, bed.Environment(), memoryMb: 512);

        var result = await emulator.InvokeAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "events", "billing-scheduled.json")), TimeSpan.FromMinutes(1));

        Assert.False(result.IsError, result.ToString());
        Assert.Equal("2026-11-21", result.Json.GetProperty("date").GetString());
        var key = $"lakehouse/billable-usage/csv/workspaceId={TestBed.Workspace}-usageMonth=2026-11.csv";
        var file = Assert.Single(result.Json.GetProperty("files").EnumerateArray());
        Assert.Equal(key, file.GetProperty("key").GetString());
        Assert.Equal(3, file.GetProperty("records").GetInt64());
        using var csv = await bed.S3.GetObjectAsync(new GetObjectRequest { BucketName = bed.Logs, Key = key });
        using var reader = new StreamReader(csv.ResponseStream);
        var text = await reader.ReadToEndAsync();
        Assert.Contains("u-1001", text, StringComparison.Ordinal);
        Assert.Contains("retail", text, StringComparison.Ordinal);

        // The finished execution's transitions were collected into the usage table first (moto's recording backend
        // gives every execution the same one-state history), dated at its stop (today), so the next night's file bills them.
        var collection = Assert.Single(result.Json.GetProperty("collections").EnumerateArray());
        Assert.Equal("step-functions", collection.GetProperty("collector").GetString());
        Assert.Equal(1, collection.GetProperty("recorded").GetInt32());
        Assert.Equal(1, collection.GetProperty("stateTransitions").GetInt64());
        var stop = (await bed.StepFunctions.DescribeExecutionAsync(run.ExecutionArn, default)).StopDate!.Value;
        var collected = new List<UsageRecord>();
        await foreach (var r in usage.ReadAsync(TestBed.Workspace, stop.AddMinutes(-1), stop.AddMinutes(1), default))
        {
            collected.Add(r);
        }

        // The Billing invocation's own usage record (written by the observer after it answers) may fall in the same
        // minute, so pick the orchestration record; there must be exactly one.
        var transitions = Assert.Single(collected, r => r.Kind == UsageKind.Orchestration);
        Assert.Equal((run.ExecutionArn, UsageKind.Orchestration, 1L), (transitions.RequestId, transitions.Kind, transitions.StateTransitions));
        Assert.NotNull(await bed.S3.GetObjectMetadataAsync(bed.Logs, "lakehouse/billable-usage/collectors/step-functions.json"));
    }
}
