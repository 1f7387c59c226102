using Microsoft.Extensions.Logging;

namespace Lakehouse.Lambda.Hosting;

/// <summary>The context the host builds for each invocation from the event headers and the bound settings.</summary>
internal sealed class LambdaContext : ILambdaContext
{
    private readonly TimeProvider _time;

    public LambdaContext(string requestId, string invokedFunctionArn, DateTimeOffset deadline, string? traceId, LambdaSettings settings, ILogger logger, TimeProvider time)
    {
        RequestId = requestId;
        InvokedFunctionArn = invokedFunctionArn;
        Deadline = deadline;
        TraceId = traceId;
        FunctionName = settings.FunctionName;
        FunctionVersion = settings.FunctionVersion;
        MemoryLimitMb = settings.MemoryMb;
        LogGroupName = settings.LogGroupName;
        LogStreamName = settings.LogStreamName;
        Logger = logger;
        _time = time;
    }

    public string RequestId { get; }

    public string FunctionName { get; }

    public string FunctionVersion { get; }

    public string InvokedFunctionArn { get; }

    public int MemoryLimitMb { get; }

    public DateTimeOffset Deadline { get; }

    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - _time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public string? LogGroupName { get; }

    public string? LogStreamName { get; }

    public string? TraceId { get; }

    public ILogger Logger { get; }
}
