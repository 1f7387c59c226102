using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Functions.Tests.Process;

/// <summary>
/// An Ingest invocation that died after its bronze commit, before the ingested marker and the state machine start:
/// the redelivered event must not ingest again, yet must start the run of the version that committed the file.
/// </summary>
[Collection("moto")]
public sealed class IngestCrashRecoveryProcessTests(MotoServerFixture moto)
{
    [Fact]
    public async Task Ingest_RedeliveryAfterCrashBetweenCommitAndStart_StartsTheRunOfTheCommittedVersion()
    {
        using var bed = await TestBed.CreateAsync(moto);
        var landed = await bed.LandAsync("retail/orders/day.csv", "order_id,customer_id,status,amount,ordered_at\n1,10,placed,1.00,2026-11-21T09:00:00Z\n");
        // The crashed invocation: the commit happened (version 0), then the process died, so neither the marker nor
        // the execution exists.
        var committed = await bed.IngestInProcessAsync(landed);
        Assert.Equal(0, Assert.Single(committed.Commits).Version);
        var markers = await bed.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bed.Lake, Prefix = "retail/_system/ingested/" });
        var marker = Assert.Single(markers.S3Objects).Key;
        await bed.S3.DeleteObjectAsync(bed.Lake, marker);
        var evt = new JsonObject { ["Records"] = new JsonArray(bed.S3Record(landed)) }.ToJsonString();
        var (emulator, process) = await bed.StartAsync(PublishedFunctions.Ingest, "ingest");
        await using var _ = emulator;
        await using var __ = process;

        var redelivered = await emulator.InvokeAsync(evt, TimeSpan.FromMinutes(2));

        Assert.False(redelivered.IsError, redelivered.ToString());
        Assert.Empty(redelivered.Json.GetProperty("commits").EnumerateArray());
        var skipped = Assert.Single(redelivered.Json.GetProperty("skipped").EnumerateArray());
        Assert.Equal(0, skipped.GetProperty("version").GetInt64());
        var run = Assert.Single(redelivered.Json.GetProperty("runs").EnumerateArray());
        Assert.Equal("retail-orders_bronze-v0", run.GetProperty("runId").GetString());
        Assert.False(run.GetProperty("alreadyStarted").GetBoolean());
        var execution = await bed.StepFunctions.DescribeExecutionAsync(run.GetProperty("executionId").GetString()!, default);
        Assert.Equal("retail-orders_bronze-v0", JsonNode.Parse(execution.Input!)!["runId"]!.GetValue<string>());
        Assert.NotNull(await bed.S3.GetObjectMetadataAsync(bed.Lake, marker));   // restored
        Assert.Equal(0, (await bed.Runtime().Table("retail", MedallionLayer.Bronze, "orders_bronze").GetSnapshotAsync()).Version);

        // One more redelivery (marker present now): the same execution, still no new version.
        var again = await emulator.InvokeAsync(evt, TimeSpan.FromMinutes(1));

        Assert.False(again.IsError, again.ToString());
        Assert.Equal(run.GetProperty("executionId").GetString(), Assert.Single(again.Json.GetProperty("runs").EnumerateArray()).GetProperty("executionId").GetString());
        Assert.Equal(0, (await bed.Runtime().Table("retail", MedallionLayer.Bronze, "orders_bronze").GetSnapshotAsync()).Version);
    }
}
