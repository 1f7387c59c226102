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

    public static Task<Func<TransformRequest, ILambdaContext, CancellationToken, Task<JsonObject>>> InitializeAsync(LambdaStartup startup, CancellationToken cancellationToken)
    {
        var function = new TransformFunction(FunctionHost.Create(startup, UsageKind.Transform, "LAKE_BUCKET"));
        return Task.FromResult<Func<TransformRequest, ILambdaContext, CancellationToken, Task<JsonObject>>>(function.HandleAsync);
    }

    public async Task<JsonObject> HandleAsync(TransformRequest request, ILambdaContext context, CancellationToken cancellationToken)
    {
        if (request.Validate() is { } problem)
        {
            throw new InvalidEventException(problem);
        }

        var definition = await _host.Pipelines.GetAsync(request.Pipeline, cancellationToken).ConfigureAwait(false);
        var stage = request.IsRecordFailure ? "run/recordFailure" : $"{request.Layer!.ToLowerInvariant()}/{request.Table}";
        _host.Attribution.Set(context.RequestId, definition.Name, stage, definition.Owner.Id, definition.Owner.Name ?? string.Empty, definition.Tags);
        var summary = await new TransformStep(_host.Runtime, definition).RunAsync(request, cancellationToken).ConfigureAwait(false);
        summary["pipeline"] = definition.Name;
        summary["runId"] = request.RunId;
        return summary;
    }
}
