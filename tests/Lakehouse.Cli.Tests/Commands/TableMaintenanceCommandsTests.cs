using Lakehouse.Delta;
using Lakehouse.Delta.Storage;
using Lakehouse.Parquet.Data;
using Lakehouse.Testing.IO;

namespace Lakehouse.Cli.Tests.Commands;

public sealed class TableMaintenanceCommandsTests
{
    private static readonly StructType Schema = new(new StructField("id", DataType.Long));

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static async Task<string> TableWithSmallFilesAsync(TempDirectory dir, string name, int files)
    {
        var path = dir.Combine("lake", name);
        Directory.CreateDirectory(path);
        var table = await DeltaTable.CreateAsync(new FileSystemObjectStore(path), string.Empty, Schema);
        for (var i = 0; i < files; i++)
        {
            var ids = new Int64Vector(DataType.Long);
            ids.Append(i);
            await table.AppendAsync(new RecordBatch(Schema, [ids]));
        }

        return path;
    }

    [Fact]
    public async Task OptimizeThenCheckpoint_CompactsSmallFilesAndWritesTheCheckpoint()
    {
        using var dir = new TempDirectory("cli-maint");
        var path = await TableWithSmallFilesAsync(dir, "events", 5);

        var optimize = await RunAsync("table", "optimize", path);
        var checkpoint = await RunAsync("table", "checkpoint", path);
        var vacuum = await RunAsync("table", "vacuum", path, "--dry-run");

        Assert.Equal(0, optimize.Exit);
        Assert.Contains("version 6: replaced 5 file(s) by 1", optimize.Out, StringComparison.Ordinal);
        Assert.Equal(5, optimize.Out.Split('\n').Count(l => l.StartsWith("optimize [", StringComparison.Ordinal)));
        Assert.Contains("optimize [5/5] ", optimize.Out, StringComparison.Ordinal);
        Assert.Contains("checkpoint at version 6", checkpoint.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(path, "_delta_log", "00000000000000000006.checkpoint.parquet")));
        Assert.Contains("would delete 0 file(s) (retention 168 h)", vacuum.Out, StringComparison.Ordinal);
        var snapshot = await (await DeltaTable.OpenAsync(new FileSystemObjectStore(path), string.Empty)).GetSnapshotAsync();
        Assert.Single(snapshot.Files);
        Assert.Equal(5, snapshot.TryGetRowCountFromStats());
    }

    [Fact]
    public async Task Vacuum_BelowTheRetentionWithoutForce_ExitsNonZeroWithTheReason()
    {
        using var dir = new TempDirectory("cli-vacuum");
        var path = await TableWithSmallFilesAsync(dir, "events", 2);

        var (exit, _, error) = await RunAsync("table", "vacuum", path, "--retention-hours", "0");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FindsEveryTableUnderAFolder()
    {
        using var dir = new TempDirectory("cli-list");
        await TableWithSmallFilesAsync(dir, "a", 1);
        await TableWithSmallFilesAsync(dir, "b", 3);

        var (exit, output, _) = await RunAsync("table", "list", dir.Combine("lake"));

        Assert.Equal(0, exit);
        Assert.Contains("│ a ", output, StringComparison.Ordinal);
        Assert.Contains("│ b ", output, StringComparison.Ordinal);
        Assert.Contains("│ 3 ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vacuum_ReportsEachDeletedFile_AndNoProgressKeepsOnlyTheSummary()
    {
        using var dir = new TempDirectory("cli-vacuum-progress");
        var a = await TableWithSmallFilesAsync(dir, "a", 3);
        var b = await TableWithSmallFilesAsync(dir, "b", 3);
        Assert.Equal(0, (await RunAsync("table", "optimize", a)).Exit);
        Assert.Equal(0, (await RunAsync("table", "optimize", b)).Exit);

        var shown = await RunAsync("table", "vacuum", a, "--retention-hours", "0", "--force");
        var quiet = await RunAsync("table", "vacuum", b, "--retention-hours", "0", "--force", "--no-progress");

        Assert.Equal(0, shown.Exit);
        Assert.Equal(3, shown.Out.Split('\n').Count(l => l.StartsWith("vacuum [", StringComparison.Ordinal)));
        Assert.Contains("deleted 3 file(s) (retention 0 h)", shown.Out, StringComparison.Ordinal);
        Assert.Equal(0, quiet.Exit);
        Assert.Equal("deleted 3 file(s) (retention 0 h)", quiet.Out.Trim());
    }
}
