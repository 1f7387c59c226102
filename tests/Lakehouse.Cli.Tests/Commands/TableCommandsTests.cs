using System.Diagnostics;
using System.Text.Json;
using Lakehouse.Testing;

namespace Lakehouse.Cli.Tests.Commands;

public class TableCommandsTests
{
    private static string Golden(string name) => Path.Combine(RepositoryPaths.DeltaGolden, name);

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task DescribeJson_ReportsVersionFilesRowsSchemaAndTxns()
    {
        var (exit, output, _) = await RunAsync("table", "describe", Golden("delta-io_delta-rs/delta-0.2.0"), "--format", "json");

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(3, root.GetProperty("version").GetInt64());
        Assert.Equal(3, root.GetProperty("liveFiles").GetInt32());
        Assert.Equal(0, root.GetProperty("txns").GetProperty("e4a20b59-dd0e-4c50-b074-e8ae4786df30").GetInt64());
        Assert.Equal("value", root.GetProperty("schema").GetProperty("fields")[0].GetProperty("name").GetString());
        Assert.Equal(0, root.GetProperty("partitionColumns").GetArrayLength());
    }

    [Fact]
    public async Task DescribeText_ListsPartitionColumnsAndSchema()
    {
        var (exit, output, _) = await RunAsync("table", "describe", Golden("delta-io_delta-rs/delta-0.8.0-partitioned"));

        Assert.Equal(0, exit);
        Assert.Contains("year, month, day", output, StringComparison.Ordinal);
        Assert.Contains("live files", output, StringComparison.Ordinal);
        Assert.Matches(@"value\s*│\s*string", output);
    }

    [Fact]
    public async Task ReadJsonl_PrintsOneCanonicalObjectPerRow()
    {
        var (exit, output, _) = await RunAsync("table", "read", Golden("delta-io_delta/data-reader-primitives"));
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal(0, exit);
        Assert.Equal(11, rows.Count);
        var two = rows.Single(r => r.GetProperty("as_int").ValueKind == JsonValueKind.Number && r.GetProperty("as_int").GetInt32() == 2);
        Assert.Equal("2", two.GetProperty("as_big_decimal").GetString());
        Assert.Equal(Convert.ToBase64String([2, 2]), two.GetProperty("as_binary").GetString());
        Assert.Equal(JsonValueKind.True, two.GetProperty("as_boolean").ValueKind);
    }

    [Fact]
    public async Task Read_WithVersionAndLimit_TimeTravelsAndStops()
    {
        var (_, all, _) = await RunAsync("table", "read", Golden("delta-io_delta-rs/simple_table"), "--version", "0");
        var (_, limited, _) = await RunAsync("table", "read", Golden("delta-io_delta-rs/simple_table"), "--limit", "2");

        Assert.Equal(5, all.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(2, limited.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task ReadCsv_HasHeaderAndExactDecimals()
    {
        var (exit, output, _) = await RunAsync("table", "read", Golden("delta-io_delta/basic-decimal-table"), "--format", "csv");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

        Assert.Equal(0, exit);
        Assert.Equal("part,col1,col2,col3", lines[0]);
        Assert.Contains("-2342342.23423,-999.99,-99999.99999,-9999999999.9999999999", lines);
        Assert.Equal(5, lines.Count);
    }

    [Fact]
    public async Task ReadTable_AndDatesAsIso()
    {
        var (exit, output, _) = await RunAsync("table", "read", Golden("delta-io_delta-rs/table_with_edge_timestamps"), "--format", "table");

        Assert.Equal(0, exit);
        Assert.Contains("9999-12-31", output, StringComparison.Ordinal);
        Assert.Contains("2022-01-01", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_JsonLines_NewestFirst()
    {
        var (exit, output, _) = await RunAsync("table", "history", Golden("delta-io_delta-rs/simple_table"), "--format", "jsonl", "--limit", "2");
        var entries = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal(0, exit);
        Assert.Equal([4L, 3L], entries.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal("DELETE", entries[0].GetProperty("operation").GetString());
    }

    [Fact]
    public async Task UnreadableTable_ExitsNonZeroWithOneLineReason()
    {
        var (exit, output, error) = await RunAsync("table", "read", Golden("delta-io_delta/deltalog-state-reconstruction-without-metadata"));

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.StartsWith("error: No metadata found", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task UnreadableTable_WithVerbose_AddsStackTrace()
    {
        var (exit, _, error) = await RunAsync("table", "describe", "/no/such/table", "--verbose");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: No directory at", error, StringComparison.Ordinal);
        Assert.Contains("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealProcess_DescribeJson_ExitsZero_AndBadTableExitsOne()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "lakehouse.dll");

        var ok = await RunProcessAsync(dll, "table", "describe", Golden("delta-io_delta/checkpoint"), "--format", "json");
        var bad = await RunProcessAsync(dll, "table", "read", Golden("delta-io_delta/deltalog-state-reconstruction-without-protocol"));

        Assert.Equal(0, ok.Exit);
        Assert.Equal(14, JsonDocument.Parse(ok.Out).RootElement.GetProperty("version").GetInt64());
        Assert.Equal(1, bad.Exit);
        Assert.StartsWith("error: No protocol found", bad.Err, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Out, string Err)> RunProcessAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout, await stderr);
    }
}
