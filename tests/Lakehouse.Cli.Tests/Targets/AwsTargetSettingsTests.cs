using Lakehouse.Cli.Targets;
using Lakehouse.Functions.Settings;

namespace Lakehouse.Cli.Tests.Targets;

public sealed class AwsTargetSettingsTests
{
    private static AwsTargetSettings Bind(Dictionary<string, string> environment, params string[] args)
    {
        var root = CliApp.BuildRootCommand(new CliContext(TextWriter.Null, TextWriter.Null));
        return AwsTargetSettings.Bind(root.Parse(["table", "list", .. args]), name => environment.GetValueOrDefault(name));
    }

    [Fact]
    public void Bind_WithoutOptions_FallsBackToTheLambdaEnvironmentVariables()
    {
        var settings = Bind(new()
        {
            ["LAKE_BUCKET"] = "lake-bucket",
            ["LANDING_BUCKET"] = "landing-bucket",
            ["LOGS_BUCKET"] = "logs-bucket",
            ["LOG_PREFIX"] = "/billing/",
            ["COMMIT_COORDINATOR"] = "S3",
            ["DELTA_LOG_TABLE"] = "commits",
            ["USAGE_TABLE"] = "usage",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:5000",
            ["AWS_DEFAULT_REGION"] = "eu-west-1",
        });

        Assert.Equal(new S3Location("lake-bucket", string.Empty), settings.Lake);
        Assert.Equal(new S3Location("landing-bucket", string.Empty), settings.Landing);
        Assert.Equal(new S3Location("logs-bucket", string.Empty), settings.Logs);
        Assert.Equal("billing", settings.LogPrefix);
        Assert.Equal(CommitCoordinator.S3, settings.Coordinator);
        Assert.Equal("commits", settings.DeltaLogTable);
        Assert.Equal("usage", settings.UsageTable);
        Assert.Equal(new Uri("http://127.0.0.1:5000"), settings.Endpoint);
        Assert.Equal("eu-west-1", settings.Region);
    }

    [Fact]
    public void Bind_OptionsWinOverTheEnvironment_AndALogsPrefixIsTheBillingFolder()
    {
        var settings = Bind(
            new() { ["LAKE_BUCKET"] = "env-lake", ["AWS_REGION"] = "eu-west-1", ["AWS_DEFAULT_REGION"] = "us-west-2", ["COMMIT_COORDINATOR"] = "s3" },
            "--lake", "s3://cli-lake/team/a/", "--logs", "s3://cli-logs/custom", "--coordinator", "dynamodb");

        Assert.Equal(new S3Location("cli-lake", "team/a"), settings.Lake);
        Assert.Equal(new S3Location("cli-logs", string.Empty), settings.Logs);
        Assert.Equal("custom", settings.LogPrefix);
        Assert.Equal(CommitCoordinator.DynamoDb, settings.Coordinator);
        Assert.Equal("eu-west-1", settings.Region);
        Assert.Null(settings.Landing);
    }

    [Fact]
    public void Bind_WithNothingSet_IsTheLambdaDefaultsAndNoAwsLocation()
    {
        // A profile that no shared config file has, so the machine's own ~/.aws/config cannot change the default region.
        var settings = Bind(new() { ["AWS_PROFILE"] = "lakehouse-tests-no-such-profile" });

        Assert.False(settings.Any);
        Assert.Equal(CommitCoordinator.DynamoDb, settings.Coordinator);
        Assert.Equal("delta_log", settings.DeltaLogTable);
        Assert.Equal("lakehouse", settings.LogPrefix);
        Assert.Equal("us-east-1", settings.Region);
        Assert.Null(settings.Endpoint);
    }

    [Theory]
    [InlineData("s3://bucket", "bucket", "")]
    [InlineData("s3a://bucket/a/b/", "bucket", "a/b")]
    [InlineData("my.bucket-1", "my.bucket-1", "")]
    public void Parse_AcceptsS3UrisAndBareBucketNames(string text, string bucket, string prefix) =>
        Assert.Equal(new S3Location(bucket, prefix), S3Location.Parse(text, "--lake"));

    [Theory]
    [InlineData("gs://bucket")]
    [InlineData("s3://Upper")]
    [InlineData("s3://ab")]
    public void Parse_RejectsWhatIsNotABucket_NamingTheOption(string text)
    {
        var e = Assert.Throws<CliUsageException>(() => S3Location.Parse(text, "--lake"));

        Assert.StartsWith($"--lake '{text}'", e.Message, StringComparison.Ordinal);
    }
}
