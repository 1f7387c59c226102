using System.Text.Json;
using Lakehouse.Aws.LogStores;
using Lakehouse.Aws.S3;
using Lakehouse.Cli.Tests.Commands;
using Lakehouse.Delta;
using Lakehouse.Parquet.Data;
using Lakehouse.Testing.Aws;
using Lakehouse.Testing.IO;

namespace Lakehouse.Cli.Tests.Aws;

/// <summary>The table commands as a process against a Delta table on moto's S3 (S3 conditional-write commits).</summary>
[Collection("moto")]
public sealed class AwsTableCommandsTests(MotoServerFixture moto)
{
    private static readonly StructType Schema = new(new StructField("id", DataType.Long));

    private async Task<DeltaTable> TableWithSmallFilesAsync(AwsBed bed, string root, int files)
    {
        var store = new S3ObjectStore(bed.S3, new S3ObjectStoreOptions(bed.Lake));
        var table = await DeltaTable.CreateAsync(store, root, Schema, logStore: new S3ConditionalLogStoreFactory().ForTable(store, root));
        for (var i = 0; i < files; i++)
        {
            var ids = new Int64Vector(DataType.Long);
            ids.Append(i);
            await table.AppendAsync(new RecordBatch(Schema, [ids]));
        }

        return table;
    }

    [Fact]
    public async Task ListDescribeOptimizeCheckpointVacuum_OnS3_MaintainTheTableAndReportProgressAsLines()
    {
        using var bed = await AwsBed.CreateAsync(moto);
        using var dir = new TempDirectory("cli-aws-table");
        await TableWithSmallFilesAsync(bed, "sales/silver/events", 5);
        string[] Cli(params string[] args) => [.. bed.Options("s3"), .. args];

        var list = await CliProcess.RunAsync(dir.Path, bed.Credentials, Cli("table", "list"));
        var optimize = await CliProcess.RunAsync(dir.Path, bed.Credentials, Cli("table", "optimize", "sales/silver/events"));
        var checkpoint = await CliProcess.RunAsync(dir.Path, bed.Credentials, Cli("table", "checkpoint", $"s3://{bed.Lake}/sales/silver/events"));
        var vacuum = await CliProcess.RunAsync(dir.Path, bed.Credentials, Cli("table", "vacuum", "sales/silver/events", "--retention-hours", "0", "--force"));
        var describe = await CliProcess.RunAsync(dir.Path, bed.Credentials, Cli("table", "describe", "sales/silver/events", "--format", "json"));
        var read = await CliProcess.RunAsync(dir.Path, bed.Credentials, Cli("table", "read", "sales/silver/events"));

        Assert.True(list.Exit == 0, list.Out + list.Err);
        Assert.Matches(@"│ sales/silver/events\s*│ 5\s*│ 5\s*│ 5", list.Out);
        Assert.True(optimize.Exit == 0, optimize.Out + optimize.Err);
        Assert.Contains("optimize [5/5] sales/silver/events/", optimize.Out, StringComparison.Ordinal);
        Assert.Contains("version 6: replaced 5 file(s) by 1", optimize.Out, StringComparison.Ordinal);
        Assert.True(checkpoint.Exit == 0, checkpoint.Out + checkpoint.Err);
        Assert.Contains("checkpoint at version 6", checkpoint.Out, StringComparison.Ordinal);
        Assert.True(vacuum.Exit == 0, vacuum.Out + vacuum.Err);
        Assert.Contains("vacuum [5/5] sales/silver/events/", vacuum.Out, StringComparison.Ordinal);
        Assert.Contains("deleted 5 file(s) (retention 0 h)", vacuum.Out, StringComparison.Ordinal);
        Assert.Single(await bed.KeysAsync(bed.Lake, "sales/silver/events/part-"), k => k.EndsWith(".parquet", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(describe.Out);
        Assert.Equal(6, json.RootElement.GetProperty("version").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("liveFiles").GetInt32());
        Assert.Equal(
            [0L, 1L, 2L, 3L, 4L],
            read.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt64()).Order());
    }

    [Fact]
    public async Task Read_FromABucketThatDoesNotExist_ExitsNonZeroWithOneLineNamingTheBucket()
    {
        using var bed = await AwsBed.CreateAsync(moto);
        using var dir = new TempDirectory("cli-aws-nobucket");

        var (exit, output, error) = await CliProcess.RunAsync(dir.Path, bed.Credentials, "table", "read", "s3://no-such-bucket-here/sales/t", "--endpoint", moto.Endpoint, "--coordinator", "s3");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("no-such-bucket-here", line, StringComparison.Ordinal);
        Assert.Contains("NoSuchBucket", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_UnknownTableInTheLake_ExitsNonZeroWithOneLine_AndVerboseAddsTheStackTrace()
    {
        using var bed = await AwsBed.CreateAsync(moto);
        using var dir = new TempDirectory("cli-aws-notable");

        var plain = await CliProcess.RunAsync(dir.Path, bed.Credentials, [.. bed.Options(), "table", "history", "retail/silver/nope"]);
        var verbose = await CliProcess.RunAsync(dir.Path, bed.Credentials, [.. bed.Options(), "table", "history", "retail/silver/nope", "--verbose"]);

        Assert.Equal(1, plain.Exit);
        Assert.Equal($"error: No Delta table at s3://{bed.Lake}/retail/silver/nope: _delta_log/ has no commit. Check the path, or create the table first.", plain.Err.Trim());
        Assert.Equal(1, verbose.Exit);
        Assert.Contains("   at ", verbose.Err, StringComparison.Ordinal);
    }
}
