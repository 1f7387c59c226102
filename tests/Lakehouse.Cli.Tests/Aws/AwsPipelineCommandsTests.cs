using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Lakehouse.Cli.Demo;
using Lakehouse.Cli.Tests.Commands;
using Lakehouse.Testing.Aws;
using Lakehouse.Testing.IO;

namespace Lakehouse.Cli.Tests.Aws;

/// <summary>The CLI as a process against moto_server: the same pipeline commands on S3 buckets and DynamoDB tables.</summary>
[Collection("moto")]
public sealed class AwsPipelineCommandsTests(MotoServerFixture moto)
{
    private static IReadOnlyList<JsonElement> JsonLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public async Task DropAndRun_OnS3WithDynamoDbCommits_WriteBronzeSilverGoldThatTableReadAndHistoryShow()
    {
        using var bed = await AwsBed.CreateAsync(moto);
        using var dir = new TempDirectory("cli-aws");
        var files = new List<string>();
        foreach (var (key, content) in RetailSampleData.Drop(1))
        {
            var file = dir.Combine(Path.GetFileName(key));
            await File.WriteAllBytesAsync(file, content);
            files.Add(file);
        }

        // Drop 1 through the CLI: the orders file only uploaded, the customers file uploaded and everything new run.
        var upload = await CliProcess.RunAsync(dir.Path, bed.Credentials, [.. bed.Options(), "drop", files[0], "--pipeline", "retail", "--source", "orders", "--upload-only"]);
        var drop = await CliProcess.RunAsync(dir.Path, bed.Credentials, [.. bed.Options(), "drop", files[1], "--pipeline", "retail", "--source", "customers"]);

        Assert.True(upload.Exit == 0, upload.Out + upload.Err);
        Assert.Contains($"dropped s3://{bed.Landing}/retail/orders/orders-2026-11-20.csv", upload.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("bronze", upload.Out, StringComparison.Ordinal);
        Assert.True(drop.Exit == 0, drop.Out + drop.Err);
        Assert.Contains("bronze orders_bronze: version 0", drop.Out, StringComparison.Ordinal);
        Assert.Contains("bronze customers_bronze: version 0", drop.Out, StringComparison.Ordinal);
        Assert.Contains("Succeeded", drop.Out, StringComparison.Ordinal);

        // Drop 2 lands straight in the bucket (as an S3 upload would); `run` finds it with the Lambda environment variables alone.
        foreach (var (key, content) in RetailSampleData.Drop(2))
        {
            await bed.PutAsync(bed.Landing, key, content);
        }

        var run = await CliProcess.RunAsync(dir.Path, bed.FunctionEnvironment(), "run", "retail");
        var again = await CliProcess.RunAsync(dir.Path, bed.FunctionEnvironment(), "run", "retail");

        Assert.True(run.Exit == 0, run.Out + run.Err);
        Assert.Contains("bronze orders_bronze: version 1", run.Out, StringComparison.Ordinal);
        Assert.Contains("quarantined: retail/orders/orders-broken.csv.gz", run.Out, StringComparison.Ordinal);
        Assert.Contains("Succeeded", run.Out, StringComparison.Ordinal);
        Assert.True(again.Exit == 0, again.Out + again.Err);
        Assert.Contains("Nothing new", again.Out, StringComparison.Ordinal);

        // The same row counts as the local demo on the same two drops.
        var silver = await CliProcess.RunAsync(dir.Path, bed.Credentials, [.. bed.Options(), "table", "read", "retail/silver/orders"]);
        var gold = await CliProcess.RunAsync(dir.Path, bed.Credentials, [.. bed.Options(), "table", "read", $"s3://{bed.Lake}/retail/gold/daily_sales"]);
        var history = await CliProcess.RunAsync(dir.Path, bed.Credentials, [.. bed.Options(), "table", "history", $"s3://{bed.Lake}/retail/bronze/orders_bronze", "--format", "jsonl"]);

        Assert.True(silver.Exit == 0, silver.Out + silver.Err);
        Assert.Equal(57, JsonLines(silver.Out).Count);
        Assert.True(gold.Exit == 0, gold.Out + gold.Err);
        Assert.Equal(2, JsonLines(gold.Out).Count);
        Assert.True(history.Exit == 0, history.Out + history.Err);
        Assert.Equal([1L, 0L], JsonLines(history.Out).Select(e => e.GetProperty("version").GetInt64()));

        // Commits went through the DynamoDB commit table (S3DynamoDBLogStore schema, s3a:// table paths).
        var entries = await bed.DynamoDb.ScanAsync(new ScanRequest { TableName = bed.DeltaLog });
        Assert.Contains(entries.Items, i => i["tablePath"].S == $"s3a://{bed.Lake}/retail/silver/orders");

        // Billing reads the usage the run metered in DynamoDB and writes the CSV to the logs bucket.
        var billing = await CliProcess.RunAsync(dir.Path, bed.Credentials, [.. bed.Options(), "billing", "run", "--date", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(billing.Exit == 0, billing.Out + billing.Err);
        Assert.Contains($"s3://{bed.Logs}/lakehouse/billable-usage/csv/workspaceId=", billing.Out, StringComparison.Ordinal);
        var csv = Assert.Single(await bed.KeysAsync(bed.Logs, "lakehouse/billable-usage/csv/"));
        Assert.StartsWith("workspaceId,timestamp,clusterId", await bed.ReadAsync(bed.Logs, csv), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_OnS3_PicksUpAnObjectUploadedWhileItRuns_AndReportsAQuarantinedObjectOnce()
    {
        using var bed = await AwsBed.CreateAsync(moto);
        using var dir = new TempDirectory("cli-aws-watch");

        using var watch = CliProcess.Start(dir.Path, bed.FunctionEnvironment("s3"), "watch", "retail", "--interval", "0.5");
        Assert.True(
            await CliProcess.EventuallyAsync(() => watch.Output.Contains($"watching s3://{bed.Landing}", StringComparison.Ordinal), TimeSpan.FromSeconds(60)),
            watch.Output + watch.Error);
        await bed.PutAsync(bed.Landing, "retail/orders/late.csv", "order_id,customer_id,status,amount,ordered_at\n900,3,placed,12.50,2026-11-22 10:00:00\n"u8.ToArray());
        await bed.PutAsync(bed.Landing, "retail/orders/broken.csv.gz", [0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]);

        Assert.True(
            await CliProcess.EventuallyAsync(() => watch.Output.Contains("bronze orders_bronze: version 0", StringComparison.Ordinal) && watch.Output.Contains("Succeeded", StringComparison.Ordinal)
                && watch.Output.Contains("quarantined: retail/orders/broken.csv.gz", StringComparison.Ordinal), TimeSpan.FromSeconds(90)),
            watch.Output + watch.Error);
        await Task.Delay(TimeSpan.FromSeconds(2)); // a few more polls, which must not report the broken object again
        Assert.Equal(1, watch.Output.Split('\n').Count(l => l.StartsWith("quarantined: retail/orders/broken.csv.gz", StringComparison.Ordinal)));
        Assert.Contains(await bed.KeysAsync(bed.Lake, "retail/bronze/orders_bronze/_delta_log/"), k => k.EndsWith("00000000000000000000.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_WithALandingBucketButNoLakeBucket_ExitsNonZeroWithOneLineSayingWhatToPass()
    {
        using var bed = await AwsBed.CreateAsync(moto);
        using var dir = new TempDirectory("cli-aws-nolake");

        var (exit, output, error) = await CliProcess.RunAsync(dir.Path, bed.Credentials, "run", "retail", "--landing", $"s3://{bed.Landing}", "--endpoint", moto.Endpoint);

        Assert.Equal(1, exit);
        Assert.Equal("error: 'run' against S3 needs the lake bucket: pass --lake s3://bucket[/prefix] or set LAKE_BUCKET.", error.Trim());
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task Run_UnknownPipelineInTheLakeBucket_ExitsNonZeroNamingWhereItLooked()
    {
        using var bed = await AwsBed.CreateAsync(moto);
        using var dir = new TempDirectory("cli-aws-nopipe");

        var (exit, _, error) = await CliProcess.RunAsync(dir.Path, bed.Credentials, [.. bed.Options(), "run", "sales"]);

        Assert.Equal(1, exit);
        Assert.StartsWith($"error: No pipeline definition for 'sales' at s3://{bed.Lake}/_pipelines/sales.yaml", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
