using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines;
using Lakehouse.Local.StateMachines.Tasks;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Metering;
using Lakehouse.Pipelines.Orchestration;
using Lakehouse.Local.Workspaces;

namespace Lakehouse.Local.Runs;

/// <summary>
/// Runs pipeline runs in-process with the ASL interpreter, on the same definition Step Functions runs. A run id that
/// already ran is not run again (the run's record under <c>&lt;pipeline&gt;/_system/runs/</c> says so), as Step Functions
/// refuses a second execution with the same name. Each Transform task and the run's state transitions are metered.
/// </summary>
public sealed class LocalOrchestrator : IOrchestrator
{
    private readonly IWorkspace _workspace;
    private readonly PipelineDefinition _pipeline;
    private readonly TransformInvoker _transform;
    private readonly UsageRecorder _usage;

    public LocalOrchestrator(IWorkspace workspace, PipelineDefinition pipeline, TransformInvoker transform, UsageRecorder usage)
    {
        _workspace = workspace ?? throw new ArgumentNullException(nameof(workspace));
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _transform = transform ?? throw new ArgumentNullException(nameof(transform));
        _usage = usage ?? throw new ArgumentNullException(nameof(usage));
    }

    /// <summary>Receives state machine events (for progress display).</summary>
    public Lakehouse.Local.StateMachines.Events.IExecutionEventSink? EventSink { get; init; }

    public async Task<RunStart> StartAsync(PipelineRunRequest request, CancellationToken cancellationToken)
    {
        var (result, already) = await RunAsync(request, cancellationToken);
        return new RunStart(result?.ExecutionArn ?? RunKey(request.RunId), already);
    }

    /// <summary>Runs the request to completion; returns null when that run id already ran.</summary>
    public async Task<(ExecutionResult? Result, bool AlreadyRan)> RunAsync(PipelineRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = RunKey(request.RunId);
        if (await _workspace.Lake.HeadAsync(key, cancellationToken) is not null)
        {
            return (null, true);
        }

        var machine = PipelineStateMachine.Load();
        var handler = TaskHandler.From(async (input, _, ct) =>
        {
            var table = input?["table"]?.GetValue<string>() ?? string.Empty;
            var layer = input?["layer"]?.GetValue<string>() ?? "failure";
            return await _usage.MeasureAsync(UsageKind.Transform, "local-transform", $"{layer}/{table}", () => _transform(input, ct));
        });
        var result = await machine.ExecuteAsync(request.ToStateMachineInput(), new ExecutionOptions
        {
            Name = request.RunId,
            Handlers = new Dictionary<string, ITaskHandler> { [PipelineStateMachine.TransformResource] = handler },
            TimeProvider = _workspace.Time,
            EventSink = EventSink,
        }, cancellationToken);

        await _usage.RecordStateTransitionsAsync(request.RunId, result.StopTime, result.StateTransitions, result.Status == ExecutionStatus.Succeeded, cancellationToken);
        var record = new JsonObject
        {
            ["runId"] = request.RunId,
            ["status"] = result.Status.ToString(),
            ["startTime"] = result.StartTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["stopTime"] = result.StopTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["error"] = result.Error,
            ["cause"] = result.Cause,
        };
        await _workspace.Lake.PutIfAbsentAsync(key, System.Text.Encoding.UTF8.GetBytes(record.ToJsonString()), cancellationToken);
        return (result, false);
    }

    private string RunKey(string runId) => $"{_workspace.Runtime.Layout.Pipeline(_pipeline.Name)}/_system/runs/{runId}.json";
}
