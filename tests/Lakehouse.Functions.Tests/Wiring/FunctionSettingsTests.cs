using Lakehouse.Functions.Settings;
using Lakehouse.Lambda.Hosting;

namespace Lakehouse.Functions.Tests.Wiring;

public sealed class FunctionSettingsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Bind_ValidEnvironment_ReadsEverySetting()
    {
        var settings = FunctionSettings.Bind(Env(
            ("WORKSPACE_ID", "ws-1"), ("LAKE_BUCKET", "lake-b"), ("LANDING_BUCKET", "landing-b"), ("COMMIT_COORDINATOR", "s3"),
            ("LOG_PREFIX", "/logs/"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:5000")));

        Assert.Equal("ws-1", settings.WorkspaceId);
        Assert.Equal(CommitCoordinator.S3, settings.Coordinator);
        Assert.Equal("logs", settings.LogPrefix);
        Assert.Equal("landing-b", settings.LandingBucket);
        Assert.Equal(new Uri("http://127.0.0.1:5000"), settings.EndpointOverride);
    }

    [Fact]
    public void Bind_BadCoordinatorAndMissingRequired_NamesEachVariableAndWhatIsAllowed()
    {
        var e = Assert.Throws<LambdaConfigurationException>(() => FunctionSettings.Bind(
            Env(("LAKE_BUCKET", "lake-b"), ("COMMIT_COORDINATOR", "zookeeper")), "STATE_MACHINE_ARN"));

        Assert.Contains("COMMIT_COORDINATOR='zookeeper' is not allowed; use 'dynamodb' or 's3'", e.Message, StringComparison.Ordinal);
        Assert.Contains("STATE_MACHINE_ARN is not set", e.Message, StringComparison.Ordinal);
        Assert.Equal("Lakehouse.LambdaConfiguration", e.ErrorType);
    }

    [Fact]
    public void Bind_DynamoDbWithoutLogTable_IsAnError()
    {
        var e = Assert.Throws<LambdaConfigurationException>(() => FunctionSettings.Bind(Env(("LAKE_BUCKET", "lake-b"))));

        Assert.Contains("DELTA_LOG_TABLE is not set (required when COMMIT_COORDINATOR=dynamodb)", e.Message, StringComparison.Ordinal);
    }
}
