using Lakehouse.Delta;
using Lakehouse.Delta.Storage;
using Lakehouse.Testing.IO;

namespace Lakehouse.Cli.Tests.Commands;

/// <summary>End-to-end: the CLI as a process in a temp folder, on the embedded default (local filesystem).</summary>
public sealed class PipelineCommandsTests
{
    private static async Task<long> RowsAsync(string tablePath)
    {
        var table = await DeltaTable.OpenAsync(new FileSystemObjectStore(tablePath), string.Empty);
        var snapshot = await table.GetSnapshotAsync();
        return snapshot.TryGetRowCountFromStats() ?? -1;
    }

    private static async Task<long> VersionAsync(string tablePath) =>
        (await (await DeltaTable.OpenAsync(new FileSystemObjectStore(tablePath), string.Empty)).GetSnapshotAsync()).Version;

    [Fact]
    public async Task Demo_RunsIngestSilverGoldAndBilling_AndPrintsWhereEverythingIs()
    {
        using var dir = new TempDirectory("cli-demo");
        var ws = dir.Combine("ws");

        var (exit, output, error) = await CliProcess.RunAsync(dir.Path, "demo", ws);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("quarantined: retail/orders/orders-broken.csv.gz", output, StringComparison.Ordinal);
        Assert.Contains("positive_amount", output, StringComparison.Ordinal);
        Assert.Contains("Billing CSV:", output, StringComparison.Ordinal);

        // Progress degrades to plain lines when the output is not a terminal: each file, each transform step, no ANSI codes.
        Assert.Contains("ingest [1/2] retail/customers/customers-2026-11-20.jsonl: staged\n", output, StringComparison.Ordinal);
        Assert.Contains("ingest [2/2] retail/orders/orders-2026-11-20.csv: staged\n", output, StringComparison.Ordinal);
        Assert.Contains("ingest [3/3] retail/orders/orders-broken.csv.gz: quarantined\n", output, StringComparison.Ordinal);
        Assert.Matches(@"transform \[\d/4\] silver/orders: succeeded, version \d+, \d+ row\(s\)", output);
        Assert.Equal(8, output.Split('\n').Count(l => l.StartsWith("transform [", StringComparison.Ordinal)));
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\r', output);
        Assert.Equal(57, await RowsAsync(Path.Combine(ws, "lake", "retail", "silver", "orders")));
        Assert.Equal(2, await RowsAsync(Path.Combine(ws, "lake", "retail", "gold", "daily_sales")));
        var csv = Directory.GetFiles(Path.Combine(ws, "logs", "billable-usage", "csv"));
        Assert.Single(csv);
        Assert.StartsWith("workspaceId,timestamp,clusterId", File.ReadLines(csv[0]).First(), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(ws, "lake", "retail", "_quarantine"), "*.json", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(ws, "landing", "retail", "orders", "orders-broken.csv.gz")), "the quarantined file stays in the landing folder");
    }

    [Fact]
    public async Task Run_Twice_SecondRunChangesNothing()
    {
        using var dir = new TempDirectory("cli-run");
        var ws = dir.Combine("ws");
        Assert.Equal(0, (await CliProcess.RunAsync(dir.Path, "demo", ws)).Exit);
        var silver = Path.Combine(ws, "lake", "retail", "silver", "orders");
        var before = await VersionAsync(silver);

        var first = await CliProcess.RunAsync(dir.Path, "run", Path.Combine(ws, "pipelines", "retail.yaml"));
        var second = await CliProcess.RunAsync(dir.Path, "run", "retail", "--workspace", ws, "--no-progress");

        Assert.True(first.Exit == 0, first.Out + first.Err);
        Assert.Contains("Nothing new", first.Out, StringComparison.Ordinal);
        Assert.True(second.Exit == 0, second.Out + second.Err);
        Assert.Contains("Nothing new", second.Out, StringComparison.Ordinal);
        Assert.Contains("ingest [5/5] ", first.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ingest [", second.Out, StringComparison.Ordinal);
        Assert.Equal(before, await VersionAsync(silver));
        Assert.Equal(before, await VersionAsync(Path.Combine(ws, "lake", "retail", "silver", "orders")));
    }

    [Fact]
    public async Task Watch_PicksUpAFileDroppedWhileItRuns()
    {
        using var dir = new TempDirectory("cli-watch");
        var ws = dir.Combine("ws");
        Assert.Equal(0, (await CliProcess.RunAsync(dir.Path, "demo", ws)).Exit);
        var bronze = Path.Combine(ws, "lake", "retail", "bronze", "orders_bronze");
        var rowsBefore = await RowsAsync(bronze);

        using var watch = CliProcess.Start(dir.Path, "watch", Path.Combine(ws, "pipelines", "retail.yaml"), "--interval", "0.5");
        Assert.True(await CliProcess.EventuallyAsync(() => watch.Output.Contains("watching", StringComparison.Ordinal), TimeSpan.FromSeconds(60)), watch.Output + watch.Error);
        await File.WriteAllTextAsync(
            Path.Combine(ws, "landing", "retail", "orders", "late.csv"),
            "order_id,customer_id,status,amount,ordered_at\n900,3,placed,12.50,2026-11-22 10:00:00\n901,4,placed,8.00,2026-11-22 10:05:00\n");

        Assert.True(
            await CliProcess.EventuallyAsync(() => watch.Output.Contains("bronze orders_bronze: version 2", StringComparison.Ordinal) && watch.Output.Contains("Succeeded", StringComparison.Ordinal), TimeSpan.FromSeconds(90)),
            watch.Output + watch.Error);
        Assert.Equal(rowsBefore + 2, await RowsAsync(bronze));
    }

    [Fact]
    public async Task Drop_MalformedFile_EndsInQuarantineWithTheErrorShown_AndTheRestOfTheRunIsUnaffected()
    {
        using var dir = new TempDirectory("cli-drop");
        var ws = dir.Combine("ws");
        Assert.Equal(0, (await CliProcess.RunAsync(dir.Path, "demo", ws)).Exit);
        var garbage = dir.Combine("garbage.csv.gz");
        await File.WriteAllBytesAsync(garbage, [0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03]);
        var good = dir.Combine("more.csv");
        await File.WriteAllTextAsync(good, "order_id,customer_id,status,amount,ordered_at\n950,2,placed,3.50,2026-11-22 11:00:00\n");

        var bad = await CliProcess.RunAsync(dir.Path, "drop", garbage, "--pipeline", "retail", "--source", "orders", "--workspace", ws);
        var ok = await CliProcess.RunAsync(dir.Path, "drop", good, "--pipeline", "retail", "--source", "orders", "--workspace", ws);

        Assert.Contains("quarantined: retail/orders/garbage.csv.gz", bad.Out, StringComparison.Ordinal);
        Assert.True(ok.Exit == 0, ok.Out + ok.Err);
        Assert.Contains("bronze orders_bronze: version 2", ok.Out, StringComparison.Ordinal);
        Assert.Contains("Succeeded", ok.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownPipeline_ExitsNonZeroWithOneLineError()
    {
        using var dir = new TempDirectory("cli-bad");

        var (exit, _, error) = await CliProcess.RunAsync(dir.Path, "run", "nope.yaml");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: No pipeline definition 'nope.yaml'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
