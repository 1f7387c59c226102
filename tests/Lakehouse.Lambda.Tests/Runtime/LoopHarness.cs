using System.Text;
using Lakehouse.Lambda.Hosting;
using Lakehouse.Lambda.Logging;
using Lakehouse.Lambda.Runtime;
using Lakehouse.Lambda.Tests.Usage;
using Lakehouse.Lambda.Usage;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Lambda.Tests.Runtime;

/// <summary>An invoke loop over the fake Runtime API, with captured log lines.</summary>
internal sealed class LoopHarness
{
    public LoopHarness(Func<GreetingEvent, ILambdaContext, CancellationToken, Task<GreetingResult>> handler, IInvocationObserver? observer = null, int marginMs = 100, Func<GreetingEvent, string?>? correlationId = null)
    {
        Settings = LambdaSettings.Bind(new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:1",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "greeter",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "1024",
            [LambdaSettings.TimeoutMarginVariable] = marginMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.GetValueOrDefault);
        LogState = new LambdaLogState("greeter-service", "greeter", "$LATEST", 1024);
        var provider = new JsonLineLoggerProvider(LogState, LogOutput, TimeProvider.System, LogLevel.Information);
        var logger = provider.CreateLogger("Lakehouse.Lambda");
        Observer = observer ?? new RecordingObserver();
        Loop = new LambdaRuntimeLoop(
            Client,
            new JsonInvocationHandler<GreetingEvent, GreetingResult>(handler, TestJsonContext.Default.GreetingEvent, TestJsonContext.Default.GreetingResult, LogState, correlationId),
            Settings, LogState, Observer, logger, TimeProvider.System);
    }

    public FakeRuntimeApiClient Client { get; } = new();

    public LambdaSettings Settings { get; }

    public LambdaLogState LogState { get; }

    public MemoryStream LogOutput { get; } = new();

    public IInvocationObserver Observer { get; }

    public LambdaRuntimeLoop Loop { get; }

    public IReadOnlyList<string> LogLines => Encoding.UTF8.GetString(LogOutput.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static InvocationRequest Request(string json, string requestId = "req-1", TimeSpan? timeout = null, string? traceId = null)
        => new(requestId, DateTimeOffset.UtcNow.Add(timeout ?? TimeSpan.FromSeconds(30)).ToUnixTimeMilliseconds(),
            "arn:aws:lambda:us-east-1:123456789012:function:greeter", traceId, Encoding.UTF8.GetBytes(json));

    public Task ProcessAsync(InvocationRequest request) => Loop.ProcessAsync(request, CancellationToken.None);
}
