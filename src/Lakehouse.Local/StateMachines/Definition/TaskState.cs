using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.DataFlow;
using Lakehouse.Local.StateMachines.Events;
using Lakehouse.Local.StateMachines.Execution;
using Lakehouse.Local.StateMachines.Paths;
using Lakehouse.Local.StateMachines.Tasks;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>
/// Task: runs the in-process handler its Resource names. The optimized Lambda integration
/// (<c>arn:aws:states:::lambda:invoke</c>) maps Parameters.FunctionName to a handler, sends Parameters.Payload
/// (or the effective input when absent) and returns <c>{ExecutedVersion, Payload, StatusCode}</c> like AWS.
/// TimeoutSeconds cancels the handler and raises States.Timeout; HeartbeatSeconds is accepted (no heartbeats locally).
/// </summary>
internal sealed class TaskState : RecoverableState
{
    public const string LambdaInvoke = "arn:aws:states:::lambda:invoke";

    private readonly int? _timeoutSeconds;
    private readonly JsonPath? _timeoutSecondsPath;

    public TaskState(FieldReader reader, string name)
        : base(reader, name, hasParameters: true)
    {
        Resource = reader.RequiredString("Resource");
        if (Resource.StartsWith("arn:aws:states:::", StringComparison.Ordinal) && Resource != LambdaInvoke)
        {
            throw reader.Error("Resource", $"'{Resource}' is not supported locally: use a handler key (a Lambda ARN substituted to a local name) or {LambdaInvoke} without .sync/.waitForTaskToken.");
        }

        if (Resource == LambdaInvoke)
        {
            var parameters = reader.Raw("Parameters") as JsonObject;
            if (parameters is null || !(parameters.ContainsKey("FunctionName") || parameters.ContainsKey("FunctionName.$")))
            {
                throw reader.Error("Parameters", $"{LambdaInvoke} needs Parameters.FunctionName.");
            }

            StaticFunctionName = JsonValues.TryGetString(parameters["FunctionName"], out var fn) ? fn : null;
        }

        _timeoutSeconds = reader.Integer("TimeoutSeconds", 1);
        _timeoutSecondsPath = reader.OptionalPath("TimeoutSecondsPath", referenceOnly: true);
        if (_timeoutSeconds is not null && _timeoutSecondsPath is not null)
        {
            throw reader.Error("TimeoutSecondsPath", "cannot be combined with TimeoutSeconds.");
        }

        var heartbeat = reader.Integer("HeartbeatSeconds", 1);
        reader.OptionalPath("HeartbeatSecondsPath", referenceOnly: true);
        if (heartbeat is not null && _timeoutSeconds is not null && heartbeat >= _timeoutSeconds)
        {
            throw reader.Error("HeartbeatSeconds", "must be smaller than TimeoutSeconds.");
        }
    }

    public string Resource { get; }

    /// <summary>For lambda:invoke with a literal FunctionName: that name (checked against the handlers at start).</summary>
    public string? StaticFunctionName { get; }

    /// <summary>The handler key this task needs when it is known before running, for up-front checks.</summary>
    public string? StaticHandlerKey => Resource == LambdaInvoke ? StaticFunctionName : Resource;

    protected override async Task<JsonNode?> RunAsync(JsonNode? payload, JsonNode? effectiveInput, ContextObject context, StateRun run, int retryCount, CancellationToken cancellationToken)
    {
        var (key, handlerInput) = Resolve(payload, effectiveInput);
        if (!run.Execution.Handlers.TryGetValue(key, out var handler))
        {
            throw new StatesError(Resource == LambdaInvoke ? "Lambda.ResourceNotFoundException" : ErrorNames.TaskFailed, $"No task handler is registered for '{key}' (state '{Name}').");
        }

        var timeout = Timeout(effectiveInput, context);
        var taskContext = new TaskContext(run.Execution.ExecutionArn, run.Execution.Name, Name, key, retryCount, run.EnteredTime);
        run.Record(ExecutionEventType.TaskScheduled, retryCount: retryCount, resource: key);
        using var timeoutSource = timeout is null ? null : new CancellationTokenSource(timeout.Value, run.Execution.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource?.Token ?? CancellationToken.None);
        JsonNode? result;
        var invocation = Invoke(handler, handlerInput?.DeepClone(), taskContext, linked.Token);
        try
        {
            result = await invocation.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeoutSource?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            await DrainAsync(invocation, run.Execution.TimeProvider).ConfigureAwait(false);
            run.Record(ExecutionEventType.TaskTimedOut, ErrorNames.Timeout, resource: key);
            throw new StatesError(ErrorNames.Timeout, $"Task '{Name}' did not finish within {timeout!.Value.TotalSeconds} s (TimeoutSeconds).");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await DrainAsync(invocation, run.Execution.TimeProvider).ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            // The handler boundary: every failure becomes an ASL error that Retry/Catch can match.
            var error = e is LakehouseException lakehouse ? lakehouse.ErrorType : e.GetType().Name;
            run.Record(ExecutionEventType.TaskFailed, error, e.Message, resource: key);
            throw new StatesError(error, e.Message, e);
        }

        run.Record(ExecutionEventType.TaskSucceeded, resource: key);
        return Resource == LambdaInvoke
            ? new JsonObject { ["ExecutedVersion"] = "$LATEST", ["Payload"] = result?.DeepClone(), ["StatusCode"] = 200 }
            : result;
    }

    /// <summary>How long a cancelled handler gets to stop before the state moves on without it.</summary>
    internal static readonly TimeSpan CancellationGrace = TimeSpan.FromSeconds(10);

    // A handler that throws synchronously still yields a faulted task, so every failure is handled in one place.
    private static Task<JsonNode?> Invoke(ITaskHandler handler, JsonNode? input, TaskContext context, CancellationToken cancellationToken)
    {
        try
        {
            return handler.InvokeAsync(input, context, cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<JsonNode?>(e);
        }
    }

    /// <summary>
    /// Waits (up to <see cref="CancellationGrace"/>) for a cancelled handler to stop, so a timed-out or aborted task
    /// does not keep writing while its retry or the next state already runs. Its outcome no longer matters.
    /// </summary>
    private static async Task DrainAsync(Task<JsonNode?> invocation, TimeProvider timeProvider)
    {
        try
        {
            await invocation.WaitAsync(CancellationGrace, timeProvider).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The handler was cancelled; whatever it ended with (cancellation, failure, grace timeout) is moot.
        }
    }

    private (string Key, JsonNode? Input) Resolve(JsonNode? payload, JsonNode? effectiveInput)
    {
        if (Resource != LambdaInvoke)
        {
            return (Resource, payload);
        }

        var parameters = payload as JsonObject;
        if (!JsonValues.TryGetString(parameters?["FunctionName"], out var function))
        {
            throw StatesError.Runtime($"State '{Name}': Parameters.FunctionName must resolve to a string.");
        }

        return (function, parameters!.TryGetPropertyValue("Payload", out var body) ? body : effectiveInput);
    }

    private TimeSpan? Timeout(JsonNode? effectiveInput, ContextObject? context)
    {
        if (_timeoutSeconds is { } seconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (_timeoutSecondsPath is null)
        {
            return null;
        }

        return _timeoutSecondsPath.TryEvaluate(effectiveInput, context, out var v) && JsonValues.TryGetNumber(v, out var n) && n >= 1 && n == decimal.Truncate(n)
            ? TimeSpan.FromSeconds((double)n)
            : throw StatesError.Runtime($"State '{Name}' field 'TimeoutSecondsPath': '{_timeoutSecondsPath}' must reference a positive integer.");
    }
}
