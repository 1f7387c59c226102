using System.Text.Json.Nodes;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Functions.Tests.Process;

/// <summary>The published Ingest bootstrap behind an SQS queue of S3 notifications (template.yaml's queued variant).</summary>
[Collection("moto")]
public sealed class IngestSqsProcessTests(MotoServerFixture moto)
{
    [Fact]
    public async Task Ingest_SqsBatchOfS3Notifications_MakesOneCommitForAllRecordsAndOneRun()
    {
        using var bed = await TestBed.CreateAsync(moto);
        var a = await bed.LandAsync("retail/orders/a.csv", "order_id,customer_id,status,amount,ordered_at\n1,10,placed,1.00,2026-11-21T09:00:00Z\n");
        var b = await bed.LandAsync("retail/orders/b file.csv", "order_id,customer_id,status,amount,ordered_at\n2,11,placed,2.00,2026-11-21T09:01:00Z\n3,12,placed,3.00,2026-11-21T09:02:00Z\n");
        var c = await bed.LandAsync("retail/orders/c.csv", "order_id,customer_id,status,amount,ordered_at\n4,13,placed,4.00,2026-11-21T09:03:00Z\n");

        // events/ingest-sqs-s3.json's shape: an s3:TestEvent message (ignored), a message carrying two records, a
        // message carrying one.
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "events", "ingest-sqs-s3.json")))!;
        var testMessage = sample["Records"]![0]!.DeepClone();
        var twoRecords = Message(sample, "msg-ab", bed.S3Record(a), bed.S3Record(b));
        var oneRecord = Message(sample, "msg-c", bed.S3Record(c));
        var evt = new JsonObject { ["Records"] = new JsonArray(testMessage, twoRecords, oneRecord) };
        var (emulator, process) = await bed.StartAsync(PublishedFunctions.Ingest, "ingest");
        await using var _ = emulator;
        await using var __ = process;

        var result = await emulator.InvokeAsync(evt.ToJsonString(), TimeSpan.FromMinutes(2));

        Assert.False(result.IsError, result.ToString());
        var commit = Assert.Single(result.Json.GetProperty("commits").EnumerateArray());
        Assert.Equal("orders_bronze", commit.GetProperty("table").GetString());
        Assert.Equal(0, commit.GetProperty("version").GetInt64());
        Assert.Equal(3, commit.GetProperty("files").GetInt32());
        Assert.Equal(4, commit.GetProperty("rows").GetInt64());
        Assert.Empty(result.Json.GetProperty("batchItemFailures").EnumerateArray());
        var run = Assert.Single(result.Json.GetProperty("runs").EnumerateArray());
        Assert.Equal("retail-orders_bronze-v0", run.GetProperty("runId").GetString());
        var snapshot = await bed.Runtime().Table("retail", MedallionLayer.Bronze, "orders_bronze").GetSnapshotAsync();
        Assert.Equal(0, snapshot.Version);
        Assert.Equal(3, snapshot.Files.Count);
        Assert.Equal([1L, 2L, 3L, 4L], (await bed.ReadRowsAsync(MedallionLayer.Bronze, "orders_bronze")).Select(r => (long)r["order_id"]!).Order());
        Assert.Equal("bronze/orders_bronze", (await bed.WaitForUsageAsync(result.RequestId))["stage"].S);
    }

    private static JsonNode Message(JsonNode sample, string messageId, params JsonNode[] records)
    {
        var message = sample["Records"]![1]!.DeepClone();
        message["messageId"] = messageId;
        message["body"] = new JsonObject { ["Records"] = new JsonArray(records) }.ToJsonString();
        return message;
    }
}
