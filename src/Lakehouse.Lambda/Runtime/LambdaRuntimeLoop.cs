using Lakehouse.Lambda.Hosting;
using Lakehouse.Lambda.Logging;
using Lakehouse.Lambda.Usage;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Lambda.Runtime;

/// <summary>
/// The invoke loop: next → handler → response or error, one invocation at a time, until the Runtime API fails or
/// the host is stopped. This is the only place with a catch-all: whatever a handler throws becomes an error
/// response for that invocation and the loop goes on.
/// </summary>
internal sealed partial class LambdaRuntimeLoop
{
    /// <summary>Lambda's response payload limit (synchronous invokes).</summary>
    internal const int MaxResponseBytes = 6 * 1024 * 1024;

    private const string TraceEnvironmentVariable = "_X_AMZN_TRACE_ID";
    private static readonly TimeSpan ObserverBudget = TimeSpan.FromSeconds(2);

    private readonly IRuntimeApiClient _client;
    private readonly IInvocationHandler _handler;
    private readonly LambdaSettings _settings;
    private readonly LambdaLogState _logState;
    private readonly IInvocationObserver _observer;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private bool _coldStart = true;

    public LambdaRuntimeLoop(IRuntimeApiClient client, IInvocationHandler handler, LambdaSettings settings, LambdaLogState logState, IInvocationObserver observer, ILogger logger, TimeProvider time)
    {
        _client = client;
        _handler = handler;
        _settings = settings;
        _logState = logState;
        _observer = observer;
        _logger = logger;
        _time = time;
    }

    /// <summary>Serves invocations until <paramref name="stoppingToken"/> fires (returns) or the Runtime API fails (throws).</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            InvocationRequest invocation;
            try
            {
                // Lambda freezes the process inside this call once the previous response is posted; timers and
                // background work do not advance until the next event thaws it.
                invocation = await _client.GetNextInvocationAsync(stoppingToken).ConfigureAwait(false);
                StartupTrace.Mark(StartupPhase.Next);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await ProcessAsync(invocation, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one invocation and posts its outcome. Throws only when the Runtime API itself fails.</summary>
    internal async Task ProcessAsync(InvocationRequest invocation, CancellationToken stoppingToken)
    {
        var started = _time.GetUtcNow();
        var stopwatch = _time.GetTimestamp();
        var coldStart = _coldStart;
        _coldStart = false;
        Environment.SetEnvironmentVariable(TraceEnvironmentVariable, invocation.TraceId);
        _logState.BeginInvocation(invocation.RequestId, invocation.TraceId, coldStart);
        Notify(() => _observer.OnInvocationStarted(new InvocationStart(invocation.RequestId, _settings.FunctionName, started, coldStart)));

        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(invocation.DeadlineUnixMs);
        var context = new LambdaContext(invocation.RequestId, invocation.InvokedFunctionArn, deadline, invocation.TraceId, _settings, _logger, _time);
        var budget = deadline - started - _settings.TimeoutMargin;
        using var deadlineCts = new CancellationTokenSource(budget > TimeSpan.Zero ? budget : TimeSpan.Zero, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadlineCts.Token, stoppingToken);

        RuntimeError? error = null;
        byte[]? response = null;
        string? correlationId;
        try
        {
            response = await RunHandlerAsync(invocation, context, deadlineCts, linked.Token).ConfigureAwait(false);
            StartupTrace.Mark(StartupPhase.Handled);
        }
        catch (Exception ex)
        {
            // Loop boundary: any handler failure (ours, the SDK's, a bug) becomes this invocation's error response.
            error = RuntimeErrorFactory.From(ex);
            LogInvocationFailed(_logger, invocation.RequestId, error.ErrorType, ex);
        }
        finally
        {
            correlationId = _logState.Current.CorrelationId;
            _logState.EndInvocation();
        }

        // Outcomes are posted even while the host is stopping: a computed result is never thrown away. A failing post
        // is a Runtime API failure (not the handler's) and ends the loop.
        if (error is null)
        {
            await _client.PostResponseAsync(invocation.RequestId, response!, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            await _client.PostInvocationErrorAsync(invocation.RequestId, error, CancellationToken.None).ConfigureAwait(false);
        }

        StartupTrace.Complete();

        var usage = new InvocationUsage(
            invocation.RequestId, _settings.FunctionName, _settings.FunctionVersion, started, _time.GetUtcNow(),
            InvocationUsage.BilledMilliseconds(_time.GetElapsedTime(stopwatch)), _settings.MemoryMb, _settings.Architecture,
            coldStart, error is null, error?.ErrorType, correlationId);
        await NotifyCompletedAsync(usage).ConfigureAwait(false);
    }

    private async Task<byte[]> RunHandlerAsync(InvocationRequest invocation, LambdaContext context, CancellationTokenSource deadline, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _handler.InvokeAsync(invocation.Body, context, cancellationToken).ConfigureAwait(false);
            return response.Length <= MaxResponseBytes
                ? response
                : throw new ResponseTooLargeException(
                    $"The response of invocation {invocation.RequestId} is {response.Length} bytes; Lambda accepts at most {MaxResponseBytes}. Return a summary and write large results to S3.");
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested)
        {
            // Only the deadline token makes a timeout; a handler cancelling its own work is an ordinary failure.
            throw new InvocationTimeoutException(
                $"Invocation {invocation.RequestId} of {_settings.FunctionName} was cancelled {_settings.TimeoutMargin.TotalMilliseconds:0} ms before its deadline. Raise the function's Timeout or give it less work per invoke.",
                ex);
        }
    }

    private async Task NotifyCompletedAsync(InvocationUsage usage)
    {
        using var budget = new CancellationTokenSource(ObserverBudget, _time);
        try
        {
            await _observer.OnInvocationCompletedAsync(usage, budget.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Usage recording must never fail an invocation that already answered.
            LogObserverFailed(_logger, usage.RequestId, ex);
        }
    }

    private void Notify(Action call)
    {
        try
        {
            call();
        }
        catch (Exception ex)
        {
            LogObserverFailed(_logger, null, ex);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Invocation {RequestId} failed with {ErrorType}")]
    private static partial void LogInvocationFailed(ILogger logger, string requestId, string errorType, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "The invocation observer failed (request {RequestId}); usage of this invocation may be missing")]
    private static partial void LogObserverFailed(ILogger logger, string? requestId, Exception exception);
}
