using Lakehouse.Lambda.Hosting;
using Lakehouse.Lambda.Runtime;
using Lakehouse.Lambda.Tests.Runtime;
using Lakehouse.Testing.Lambda;

namespace Lakehouse.Lambda.Tests.Hosting;

/// <summary>The host in-process, with the real HTTP Runtime API client against the emulator.</summary>
public sealed class LambdaHostTests
{
    private static Dictionary<string, string?> Environment(LambdaRuntimeEmulator emulator) => new()
    {
        ["AWS_LAMBDA_RUNTIME_API"] = emulator.RuntimeApi,
        ["AWS_LAMBDA_FUNCTION_NAME"] = emulator.FunctionName,
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
        ["GREETING"] = "hi",
    };

    private static Task<int> RunAsync(Dictionary<string, string?> env, MemoryStream logs, CancellationToken stopping)
        => LambdaHost.RunCoreAsync<GreetingEvent, GreetingResult>(
            (startup, _) =>
            {
                var greeting = startup.Settings.GetRequired("GREETING");
                return Task.FromResult<Func<GreetingEvent, ILambdaContext, CancellationToken, Task<GreetingResult>>>(
                    (e, c, t) => Task.FromResult(new GreetingResult($"{greeting} {e.Name} ({c.MemoryLimitMb} MB)")));
            },
            TestJsonContext.Default.GreetingEvent,
            TestJsonContext.Default.GreetingResult,
            new LambdaHostEnvironment(env.GetValueOrDefault, api => new RuntimeApiClient(api), logs, TimeProvider.System),
            stopping);

    [Fact]
    public async Task Run_ServesInvocationsThroughTheRuntimeApiUntilStopped()
    {
        await using var emulator = new LambdaRuntimeEmulator("greeter");
        using var stop = new CancellationTokenSource();
        var host = RunAsync(Environment(emulator), new MemoryStream(), stop.Token);

        var first = await emulator.InvokeAsync("""{"name":"Ada"}""");
        var second = await emulator.InvokeAsync("""{"nom":"Ada"}""");
        await stop.CancelAsync();

        Assert.Equal("""{"greeting":"hi Ada (512 MB)"}""", first.BodyText);
        Assert.Equal("Lakehouse.InvalidEvent", second.ErrorType);
        Assert.Equal(0, await host);
    }

    [Fact]
    public async Task Run_WhenInitializerFails_PostsInitErrorAndReturnsOne()
    {
        await using var emulator = new LambdaRuntimeEmulator("greeter");
        var env = Environment(emulator);
        env.Remove("GREETING");

        var exitCode = await RunAsync(env, new MemoryStream(), CancellationToken.None);

        var initError = await emulator.InitError;
        Assert.Equal(1, exitCode);
        Assert.Equal("Lakehouse.LambdaConfiguration", initError.ErrorType);
        Assert.Contains("GREETING", initError.ErrorMessage ?? initError.BodyText, StringComparison.Ordinal);
        Assert.Equal(0, emulator.Delivered);
    }

    [Fact]
    public async Task Run_WithoutRuntimeApi_ReturnsOneWithoutCallingAnything()
    {
        var created = false;
        var exitCode = await LambdaHost.RunCoreAsync<GreetingEvent, GreetingResult>(
            (_, _) => throw new InvalidOperationException("must not initialize"),
            TestJsonContext.Default.GreetingEvent,
            TestJsonContext.Default.GreetingResult,
            new LambdaHostEnvironment(_ => null, api => { created = true; return new FakeRuntimeApiClient(); }, new MemoryStream(), TimeProvider.System),
            CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.False(created);
    }

    [Fact]
    public async Task Run_WhenRuntimeApiDisappears_ReturnsOne()
    {
        var emulator = new LambdaRuntimeEmulator("greeter");
        var env = Environment(emulator);
        await emulator.DisposeAsync();

        var exitCode = await RunAsync(env, new MemoryStream(), CancellationToken.None);

        Assert.Equal(1, exitCode);
    }
}
