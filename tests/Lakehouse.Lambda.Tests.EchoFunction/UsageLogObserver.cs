using Lakehouse.Lambda.Usage;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Lambda.Tests.EchoFunction;

/// <summary>Writes each invocation's usage as a log line, so process-level tests can see the observer being called.</summary>
internal sealed partial class UsageLogObserver : IInvocationObserver
{
    private readonly ILogger _logger;

    public UsageLogObserver(ILogger logger)
    {
        _logger = logger;
    }

    public void OnInvocationStarted(InvocationStart start)
    {
    }

    public ValueTask OnInvocationCompletedAsync(InvocationUsage usage, CancellationToken cancellationToken)
    {
        LogUsage(_logger, usage.RequestId, usage.BilledDurationMs, usage.MemoryMb, usage.Architecture, usage.Succeeded, usage.ErrorType ?? "none");
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "usage {UsageRequestId} {BilledDurationMs} ms {MemoryMb} MB {Architecture} succeeded={Succeeded} error={UsageErrorType}")]
    private static partial void LogUsage(ILogger logger, string usageRequestId, long billedDurationMs, int memoryMb, string architecture, bool succeeded, string usageErrorType);
}
