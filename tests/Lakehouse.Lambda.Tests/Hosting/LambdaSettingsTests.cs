using Lakehouse.Lambda.Hosting;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Lambda.Tests.Hosting;

public sealed class LambdaSettingsTests
{
    private static Dictionary<string, string?> Valid() => new()
    {
        ["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:9001",
        ["AWS_LAMBDA_FUNCTION_NAME"] = "lakehouse-dev-ingest",
    };

    [Fact]
    public void Bind_WithOnlyLambdaBasics_UsesDefaults()
    {
        var settings = LambdaSettings.Bind(Valid().GetValueOrDefault);

        Assert.Equal("127.0.0.1:9001", settings.RuntimeApi);
        Assert.Equal("lakehouse-dev-ingest", settings.FunctionName);
        Assert.Equal("lakehouse-dev-ingest", settings.ServiceName);
        Assert.Equal("$LATEST", settings.FunctionVersion);
        Assert.Equal(128, settings.MemoryMb);
        Assert.Equal(TimeSpan.FromMilliseconds(500), settings.TimeoutMargin);
        Assert.Equal(LogLevel.Information, settings.MinimumLogLevel);
        Assert.Null(settings.LogGroupName);
    }

    [Fact]
    public void Bind_ReadsEveryVariable()
    {
        var env = Valid();
        env["AWS_LAMBDA_FUNCTION_VERSION"] = "7";
        env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "2048";
        env["AWS_LAMBDA_LOG_GROUP_NAME"] = "/lakehouse/dev/ingest";
        env["AWS_LAMBDA_LOG_STREAM_NAME"] = "stream-1";
        env["POWERTOOLS_SERVICE_NAME"] = "ingest";
        env["AWS_LAMBDA_LOG_LEVEL"] = "WARN";
        env[LambdaSettings.TimeoutMarginVariable] = "2000";

        var settings = LambdaSettings.Bind(env.GetValueOrDefault);

        Assert.Equal(("7", 2048, "/lakehouse/dev/ingest", "stream-1", "ingest"), (settings.FunctionVersion, settings.MemoryMb, settings.LogGroupName, settings.LogStreamName, settings.ServiceName));
        Assert.Equal(LogLevel.Warning, settings.MinimumLogLevel);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.TimeoutMargin);
    }

    [Fact]
    public void Bind_PowertoolsLogLevelWinsOverLambdaLogLevel()
    {
        var env = Valid();
        env["AWS_LAMBDA_LOG_LEVEL"] = "ERROR";
        env["POWERTOOLS_LOG_LEVEL"] = "debug";

        Assert.Equal(LogLevel.Debug, LambdaSettings.Bind(env.GetValueOrDefault).MinimumLogLevel);
    }

    [Fact]
    public void Bind_WithSeveralBadValues_ThrowsOnceNamingEachOfThem()
    {
        var env = new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "lots",
            [LambdaSettings.TimeoutMarginVariable] = "-5",
            ["POWERTOOLS_LOG_LEVEL"] = "CHATTY",
        };

        var ex = Assert.Throws<LambdaConfigurationException>(() => LambdaSettings.Bind(env.GetValueOrDefault));

        Assert.Equal("Lakehouse.LambdaConfiguration", ex.ErrorType);
        foreach (var expected in new[] { "AWS_LAMBDA_RUNTIME_API is not set", "AWS_LAMBDA_FUNCTION_NAME is not set", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE='lots'", "LAKEHOUSE_TIMEOUT_MARGIN_MS='-5'", "'CHATTY'" })
        {
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void GetRequired_WhenMissingOrBlank_ThrowsNamingTheVariableAndFunction()
    {
        var env = Valid();
        env["LAKE_BUCKET"] = "  ";
        var settings = LambdaSettings.Bind(env.GetValueOrDefault);

        var ex = Assert.Throws<LambdaConfigurationException>(() => settings.GetRequired("LAKE_BUCKET"));

        Assert.Contains("LAKE_BUCKET", ex.Message, StringComparison.Ordinal);
        Assert.Contains("lakehouse-dev-ingest", ex.Message, StringComparison.Ordinal);
        Assert.Null(settings.GetOptional("LAKE_BUCKET"));
    }

    [Fact]
    public void GetRequired_ReturnsTrimmedValue()
    {
        var env = Valid();
        env["LAKE_BUCKET"] = " lake-bucket ";

        Assert.Equal("lake-bucket", LambdaSettings.Bind(env.GetValueOrDefault).GetRequired("LAKE_BUCKET"));
    }
}
