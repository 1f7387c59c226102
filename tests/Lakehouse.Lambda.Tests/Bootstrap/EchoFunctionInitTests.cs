using Lakehouse.Testing.Lambda;

namespace Lakehouse.Lambda.Tests.Bootstrap;

/// <summary>Start-up failures of the real bootstrap: reported to /runtime/init/error, then the process exits.</summary>
[Collection("echo-process")]
public sealed class EchoFunctionInitTests
{
    private readonly EchoFunctionFixture _fixture;

    public EchoFunctionInitTests(EchoFunctionFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Start_WithoutARequiredFunctionSetting_PostsInitErrorAndExits()
    {
        var (initError, exitCode) = await StartAsync(new Dictionary<string, string?> { ["ECHO_PREFIX"] = null });

        Assert.Equal("Lakehouse.LambdaConfiguration", initError.ErrorType);
        Assert.Contains("ECHO_PREFIX", initError.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task Start_WithInvalidRuntimeSettings_PostsOneInitErrorNamingEveryProblem()
    {
        var (initError, exitCode) = await StartAsync(new Dictionary<string, string?>
        {
            ["ECHO_PREFIX"] = "x",
            ["LAKEHOUSE_TIMEOUT_MARGIN_MS"] = "soon",
            ["POWERTOOLS_LOG_LEVEL"] = "LOUD",
        });

        Assert.Equal("Lakehouse.LambdaConfiguration", initError.ErrorType);
        Assert.Contains("LAKEHOUSE_TIMEOUT_MARGIN_MS='soon'", initError.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'LOUD'", initError.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task Sigterm_BetweenInvocations_StopsTheProcessWithExitCodeZero()
    {
        await using var emulator = new LambdaRuntimeEmulator("echo-term");
        await using var process = BootstrapProcess.Start(_fixture.Function, emulator, new Dictionary<string, string?> { ["ECHO_PREFIX"] = "x" });
        var served = await emulator.InvokeAsync("""{"message":"once"}""");

        var exitCode = await process.TerminateAsync();

        Assert.False(served.IsError, served.ToString());
        Assert.Equal(0, exitCode);
    }

    private async Task<(InvocationResult InitError, int ExitCode)> StartAsync(Dictionary<string, string?> environment)
    {
        await using var emulator = new LambdaRuntimeEmulator("echo-init");
        await using var process = BootstrapProcess.Start(_fixture.Function, emulator, environment);
        var initError = await emulator.InitError.WaitAsync(TimeSpan.FromSeconds(60));
        var exitCode = await process.Exited.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, emulator.Delivered);
        return (initError, exitCode);
    }
}
