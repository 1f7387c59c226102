using Amazon.S3.Model;
using Lakehouse.Delta.Transactions;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;
using Lakehouse.Testing.Lambda;

namespace Lakehouse.Functions.Tests.Process;

/// <summary>The published Maintenance bootstrap on its EventBridge schedule: OPTIMIZE, checkpoint, log cleanup, VACUUM.</summary>
[Collection("moto")]
public sealed class MaintenanceProcessTests(MotoServerFixture moto)
{
    [Fact]
    public async Task Maintenance_SampleScheduledEvent_CompactsCheckpointsAndVacuumsAndRecordsUsage()
    {
        using var bed = await TestBed.CreateAsync(moto);
        for (var day = 1; day <= 3; day++)
        {
            // Three ingestions, three small files in one partition (bronze versions 0, 1, 2).
            await bed.IngestInProcessAsync(await bed.LandAsync($"retail/orders/day{day}.csv", $"order_id,customer_id,status,amount,ordered_at\n{day},10,placed,1.00,2026-11-2{day}T09:00:00Z\n"));
        }

        // Version 3: a zero retention for removed files (ALTER TABLE SET TBLPROPERTIES), so this run's VACUUM can delete
        // the files OPTIMIZE replaces; with the default 7 days it would rightly keep them.
        var bronze = bed.Runtime().Table("retail", MedallionLayer.Bronze, "orders_bronze");
        var alter = await bronze.StartTransactionAsync();
        alter.Operation = DeltaOperation.SetTableProperties;
        alter.UpdateMetadata(alter.Metadata with
        {
            Configuration = new Dictionary<string, string>(alter.Metadata.Configuration ?? new Dictionary<string, string>()) { ["delta.deletedFileRetentionDuration"] = "interval 0 hours" },
        });
        Assert.Equal(3, (await alter.CommitAsync()).Version);
        var smallFiles = (await bronze.GetSnapshotAsync()).Files.Select(f => f.Key).ToList();
        Assert.Equal(3, smallFiles.Count);

        var function = await PublishedFunctions.Maintenance;
        await using var emulator = new LambdaRuntimeEmulator("maintenance");
        await using var process = BootstrapProcess.Start(function, emulator, bed.Environment(), memoryMb: 1024);
        var result = await emulator.InvokeAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "events", "maintenance-scheduled.json")), TimeSpan.FromMinutes(2));

        Assert.False(result.IsError, result.ToString());
        Assert.Equal(0, result.Json.GetProperty("failed").GetInt32());
        var tables = result.Json.GetProperty("tables").EnumerateArray().ToList();
        var orders = Assert.Single(tables, t => t.GetProperty("table").GetString() == "orders_bronze");
        Assert.Equal("bronze", orders.GetProperty("layer").GetString());
        Assert.Equal(3, orders.GetProperty("filesCompacted").GetInt32());
        Assert.Equal(4, orders.GetProperty("checkpointVersion").GetInt64());   // the OPTIMIZE commit
        Assert.Equal(3, orders.GetProperty("filesVacuumed").GetInt32());
        // Tables the pipeline defines but nobody wrote yet are listed and left alone.
        var customers = Assert.Single(tables, t => t.GetProperty("table").GetString() == "customers_bronze");
        Assert.False(customers.TryGetProperty("checkpointVersion", out _));
        Assert.Contains(tables, t => t.GetProperty("layer").GetString() == "gold" && t.GetProperty("table").GetString() == "daily_sales");

        // The table: one compacted file at version 4, a checkpoint of it, the replaced files gone, the rows intact.
        var snapshot = await bronze.GetSnapshotAsync();
        Assert.Equal(4, snapshot.Version);
        Assert.Single(snapshot.Files);
        var root = bronze.TableRoot;
        Assert.NotNull(await bed.S3.GetObjectMetadataAsync(bed.Lake, $"{root}/_delta_log/00000000000000000004.checkpoint.parquet"));
        using (var last = await bed.S3.GetObjectAsync(bed.Lake, $"{root}/_delta_log/_last_checkpoint"))
        using (var reader = new StreamReader(last.ResponseStream))
        {
            Assert.Contains("\"version\":4", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }

        var remaining = (await bed.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bed.Lake, Prefix = root + "/" })).S3Objects?.Select(o => o.Key).ToHashSet() ?? [];
        Assert.All(smallFiles, f => Assert.DoesNotContain(f, remaining));
        Assert.Equal([1L, 2L, 3L], (await bed.ReadRowsAsync(MedallionLayer.Bronze, "orders_bronze")).Select(r => (long)r["order_id"]!).Order());

        var usage = await bed.WaitForUsageAsync(result.RequestId);
        Assert.Equal("Maintenance", usage["kind"].S);
        Assert.Equal("maintenance", usage["stage"].S);
        Assert.True(usage["succeeded"].BOOL);
    }
}
