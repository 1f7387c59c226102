using System.Text.Json.Nodes;
using Lakehouse.Lambda.Hosting;
using Lakehouse.Pipelines.Metering;
using Lakehouse.Pipelines.Transforms;

namespace Lakehouse.Functions.Transform;

/// <summary>
/// Runs one silver or gold table of a pipeline run (<see cref="TransformStep"/>) and returns its summary; or records a
/// failed run in the pipeline event log (<c>action: recordFailure</c>). Errors keep their Lakehouse error type, which
/// the state machine's Retry/Catch rules match.
/// </summary>
internal sealed class TransformFunction
{
    private readonly FunctionHost _host;

    private TransformFunction(FunctionHost host)
    {
        _host = host;
    }

    public static Task<Func<TransformTask, ILambdaContext, CancellationToken, Task<JsonObject>>> InitializeAsync(LambdaStartup startup, CancellationToken cancellationToken)
    {
        var function = new TransformFunction(FunctionHost.Create(startup, UsageKind.Transform, "LAKE_BUCKET"));
        return Task.FromResult<Func<TransformTask, ILambdaContext, CancellationToken, Task<JsonObject>>>(function.HandleAsync);
    }

    public async Task<JsonObject> HandleAsync(TransformTask task, ILambdaContext context, CancellationToken cancellationToken)
    {
        var recordFailure = string.Equals(task.Action, TransformRequest.RecordFailureAction, StringComparison.OrdinalIgnoreCase);
        if (!recordFailure && (string.IsNullOrWhiteSpace(task.Layer) || string.IsNullOrWhiteSpace(task.Table)))
        {
            throw new InvalidEventException($"The transform task of run {task.RunId} names no layer or table; expected {{pipeline, layer: \"silver\"|\"gold\", table, runId}} or action \"recordFailure\".");
        }

        var definition = await _host.Pipelines.GetAsync(task.Pipeline, cancellationToken).ConfigureAwait(false);
        var stage = recordFailure ? "run/recordFailure" : $"{task.Layer!.ToLowerInvariant()}/{task.Table}";
        _host.Attribution.Set(context.RequestId, definition.Name, stage, definition.Owner.Id, definition.Owner.Name ?? string.Empty, definition.Tags);
        var request = new TransformRequest(
            task.Pipeline,
            task.Layer ?? string.Empty,
            task.Table ?? string.Empty,
            task.RunId,
            task.Action,
            task.Error is { } e ? new TransformError(e.Error, e.Cause) : null);
        var summary = await new TransformStep(_host.Runtime, definition).RunAsync(request, cancellationToken).ConfigureAwait(false);
        summary["pipeline"] = definition.Name;
        summary["runId"] = task.RunId;
        return summary;
    }
}
