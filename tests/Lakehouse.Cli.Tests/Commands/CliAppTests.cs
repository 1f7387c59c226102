using System.CommandLine;

namespace Lakehouse.Cli.Tests.Commands;

/// <summary>Help on every command, and one-line errors with a non-zero exit code on every failure path.</summary>
public sealed class CliAppTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error) { Environment = _ => null };
        var exit = await CliApp.RunAsync(args, context, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static IEnumerable<string[]> CommandPaths(Command command, string[] path)
    {
        yield return path;
        foreach (var sub in command.Subcommands)
        {
            foreach (var p in CommandPaths(sub, [.. path, sub.Name]))
            {
                yield return p;
            }
        }
    }

    [Fact]
    public async Task Help_OnEveryCommand_PrintsItsUsageAndExitsZero()
    {
        var root = CliApp.BuildRootCommand(new CliContext(TextWriter.Null, TextWriter.Null));
        var paths = CommandPaths(root, []).ToList();

        Assert.True(paths.Count >= 15, $"only {paths.Count} commands found");
        foreach (var path in paths)
        {
            var (exit, output, error) = await RunAsync([.. path, "--help"]);

            Assert.True(exit == 0, $"{string.Join(' ', path)} --help: exit {exit} {error}");
            Assert.Contains("Usage:", output, StringComparison.Ordinal);
            // In-process the root command is named after the test host; as a process it is 'lakehouse'.
            Assert.Matches(@"Usage:\s+\S+" + string.Concat(path.Select(p => " " + p)) + " ", output);
            Assert.Contains("--endpoint", output, StringComparison.Ordinal);
            Assert.Equal(string.Empty, error);
        }
    }

    public static TheoryData<string[], string> Failures => new()
    {
        { ["run"], "Required argument 'pipeline' missing" },
        { ["table"], "Required command was not provided" },
        { ["table", "nope"], "'nope'" },
        { ["table", "read", "x", "--format", "xml"], "xml" },
        { ["drop", "file.csv"], "--pipeline" },
        { ["--bogus"], "--bogus" },
        { ["billing", "run", "--date", "21-11-2026"], "--date '21-11-2026' is not a date" },
        { ["table", "read", "/no/such/table"], "No directory at /no/such/table" },
        { ["table", "list", "/no/such/folder"], "No directory at /no/such/folder" },
        { ["table", "read", "s3://Not_A_Bucket/t"], "does not name an S3 bucket" },
        { ["table", "read", "gs://bucket/t"], "No directory at" },
        { ["table", "history", "s3://lake/t", "--endpoint", "ftp://host"], "--endpoint (AWS_ENDPOINT_URL) 'ftp://host' is not an http(s) URL" },
        { ["run", "retail", "--lake", "s3://lake", "--coordinator", "zookeeper"], "--coordinator (COMMIT_COORDINATOR) 'zookeeper' is not allowed" },
        { ["run", "retail", "--lake", "s3://lake"], "'run' against S3 needs the landing bucket" },
        { ["billing", "run", "--logs", "s3://logs"], "'billing run' against AWS needs the usage table" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Failure_PrintsOneErrorLineAndExitsNonZero(string[] args, string expected)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BillingRun_WithInvalidRates_PrintsOneErrorLineAndExitsNonZero()
    {
        using var dir = new Lakehouse.Testing.IO.TempDirectory("cli-rates");

        var (exit, _, error) = await RunAsync("billing", "run", "--workspace", dir.Path, "--rates", "x86_64=abc");

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("x86_64", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failure_WithVerbose_AddsTheStackTrace()
    {
        var (exit, _, error) = await RunAsync("table", "read", "/no/such/table", "--verbose");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: No directory at /no/such/table", error, StringComparison.Ordinal);
        Assert.Contains("   at ", error, StringComparison.Ordinal);
    }
}
