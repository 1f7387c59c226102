using Lakehouse.Lambda.Hosting;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Lambda.Tests.EchoFunction;

/// <summary>The echo handler, built once per sandbox by <see cref="InitializeAsync"/>.</summary>
internal sealed partial class EchoFunction
{
    private readonly string _prefix;
    private readonly ILogger _logger;
    private int _invocations;

    private EchoFunction(string prefix, ILogger logger)
    {
        _prefix = prefix;
        _logger = logger;
    }

    /// <summary>Init phase: reads ECHO_PREFIX (required, so a missing value is an init error) and plugs in the usage observer.</summary>
    public static Task<Func<EchoRequest, ILambdaContext, CancellationToken, Task<EchoResponse>>> InitializeAsync(LambdaStartup startup, CancellationToken cancellationToken)
    {
        var prefix = startup.Settings.GetRequired("ECHO_PREFIX");
        startup.Observer = new UsageLogObserver(startup.LoggerFactory.CreateLogger("Echo.Usage"));
        var function = new EchoFunction(prefix, startup.LoggerFactory.CreateLogger<EchoFunction>());
        return Task.FromResult<Func<EchoRequest, ILambdaContext, CancellationToken, Task<EchoResponse>>>(function.HandleAsync);
    }

    public async Task<EchoResponse> HandleAsync(EchoRequest request, ILambdaContext context, CancellationToken cancellationToken)
    {
        var count = Interlocked.Increment(ref _invocations);
        LogReceived(_logger, request.Mode, request.Message.Length);
        switch (request.Mode)
        {
            case "echo":
                break;
            case "fail":
                throw new InvalidOperationException("Echo was asked to fail.");
            case "reject":
                throw new EchoRejectedException($"Echo rejected message of {request.Message.Length} characters.");
            case "sleep":
                await Task.Delay(request.DelayMs, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidEventException($"Unknown echo mode '{request.Mode}'; use echo, fail, reject or sleep.");
        }

        return new EchoResponse(
            _prefix + request.Message, context.RequestId, context.FunctionName, context.InvokedFunctionArn, context.MemoryLimitMb,
            (long)context.RemainingTime.TotalMilliseconds, context.TraceId, Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"), _prefix, count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Echo received mode {Mode} with a message of {Length} characters")]
    private static partial void LogReceived(ILogger logger, string mode, int length);
}
