using System.Text.Json;
using Lakehouse.Aws.StepFunctions;
using Lakehouse.Delta.Storage;
using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Aws.Metering;

/// <summary>
/// Meters the state transitions of the pipeline state machine's executions for the nightly billing job: lists the
/// executions that finished (SUCCEEDED, FAILED, TIMED_OUT, ABORTED) since the previous collection, counts each one's
/// transitions from its history by <see cref="StateTransitionCounter"/>'s rule (AWS's Standard-workflow billing rule)
/// and appends one <see cref="UsageKind.Orchestration"/> record per execution.
/// </summary>
/// <remarks>
/// <para><b>Records.</b> Request id = the execution ARN (a redrive adds <c>#redrive-&lt;n&gt;</c> and bills only what the
/// redrive ran), so collecting an execution again never bills it twice. Workspace = the deployment's; pipeline = the
/// <c>pipeline</c> member of the execution input (<c>PipelineRunRequest.ToStateMachineInput</c>), empty when absent;
/// owner and tags from the pipeline definition; function (the CSV's <c>clusterId</c>) = the state machine name; the
/// record's time (<see cref="UsageRecord.Start"/> = <see cref="UsageRecord.End"/>) is the execution's stop time.</para>
/// <para><b>Window.</b> ListExecutions returns the newest start first. A collection reads until executions started
/// before min(previous collection − <see cref="StepFunctionsCollectorOptions.Overlap"/>, start of the oldest execution
/// that was running at the previous collection), and collects those that stopped at or after the previous collection −
/// overlap. So an execution still running tonight is collected the night it finishes, however long it runs. Redriven
/// executions keep their first start date and are listed separately (<c>redriveFilter=REDRIVEN</c>). The cursor
/// advances only after every record is stored. Executions of Distributed Map child workflows (not used by the pipeline
/// definition) are not collected.</para>
/// </remarks>
public sealed class StepFunctionsUsageCollector : IUsageCollector
{
    private readonly StepFunctionsClient _client;
    private readonly IUsageStore _usage;
    private readonly IObjectStore _cursorStore;
    private readonly StepFunctionsCollectorOptions _options;
    private readonly TimeProvider _time;
    private readonly string _stateMachineName;

    /// <param name="client">Step Functions client (not disposed here).</param>
    /// <param name="usage">Where the records go.</param>
    /// <param name="cursorStore">Where the cursor object lives (the billing job's log store).</param>
    /// <param name="options">Workspace, state machine, cursor key and window.</param>
    /// <param name="time">Clock; system clock when null.</param>
    public StepFunctionsUsageCollector(StepFunctionsClient client, IUsageStore usage, IObjectStore cursorStore, StepFunctionsCollectorOptions options, TimeProvider? time = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _usage = usage ?? throw new ArgumentNullException(nameof(usage));
        _cursorStore = cursorStore ?? throw new ArgumentNullException(nameof(cursorStore));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.WorkspaceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.CursorKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.StateMachineArn);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PageSize, StepFunctionsClient.MaxPageSize);
        if (!options.StateMachineArn.Contains(":stateMachine:", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{options.StateMachineArn}' is not a state machine ARN (arn:aws:states:<region>:<account>:stateMachine:<name>).", nameof(options));
        }

        _stateMachineName = StepFunctionsClient.NameOf(options.StateMachineArn);
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Name => "step-functions";

    /// <inheritdoc />
    public async Task<CollectionReport> CollectAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var cursor = await CollectionCursor.ReadAsync(_cursorStore, _options.CursorKey, cancellationToken).ConfigureAwait(false);
        var since = cursor is null ? now - _options.InitialLookBack : cursor.CollectedAt - _options.Overlap;
        var listFrom = cursor?.OldestRunningStart is { } running && running < since ? running : since;
        var run = new Run(since);

        await foreach (var execution in _client.ListExecutionsAsync(_options.StateMachineArn, null, null, _options.PageSize, cancellationToken).ConfigureAwait(false))
        {
            if (execution.StartDate < listFrom)
            {
                break;
            }

            run.Seen.Add(execution.ExecutionArn);
            if (!execution.IsFinished)
            {
                run.Examined++;
                run.OldestRunning = run.OldestRunning is { } o && o <= execution.StartDate ? o : execution.StartDate;
                continue;
            }

            await CollectIfNewAsync(execution, run, cancellationToken).ConfigureAwait(false);
        }

        await foreach (var execution in _client.ListExecutionsAsync(_options.StateMachineArn, null, "REDRIVEN", _options.PageSize, cancellationToken).ConfigureAwait(false))
        {
            if (execution.IsFinished && run.Seen.Add(execution.ExecutionArn))
            {
                await CollectIfNewAsync(execution, run, cancellationToken).ConfigureAwait(false);
            }
        }

        await new CollectionCursor(now, run.OldestRunning).WriteAsync(_cursorStore, _options.CursorKey, _options.StateMachineArn, cancellationToken).ConfigureAwait(false);
        return new CollectionReport(Name, since, now, run.Examined, run.Recorded, run.Transitions);
    }

    private async Task CollectIfNewAsync(ExecutionSummary execution, Run run, CancellationToken cancellationToken)
    {
        run.Examined++;
        if (execution.StopDate is not { } stop || stop < run.Since)
        {
            return; // collected by an earlier run
        }

        var history = await _client.GetExecutionHistoryAsync(execution.ExecutionArn, cancellationToken).ConfigureAwait(false);
        var segments = StateTransitionCounter.Segments(history.Events);
        var pipeline = PipelineOf(history.Input);
        var attribution = pipeline.Length > 0 ? await AttributionAsync(pipeline, run, cancellationToken).ConfigureAwait(false) : null;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.Transitions == 0)
            {
                continue;
            }

            var last = i == segments.Count - 1;
            var at = last ? stop : segment.ClosedAt ?? stop;
            var record = new UsageRecord
            {
                WorkspaceId = _options.WorkspaceId,
                RequestId = segment.Redrive == 0 ? execution.ExecutionArn : $"{execution.ExecutionArn}#redrive-{segment.Redrive}",
                Kind = UsageKind.Orchestration,
                Pipeline = pipeline,
                Stage = "run",
                Function = _stateMachineName,
                Start = at,
                End = at,
                StateTransitions = segment.Transitions,
                Succeeded = last && execution.Status == "SUCCEEDED",
                OwnerId = attribution?.OwnerId ?? string.Empty,
                OwnerName = attribution?.OwnerName ?? string.Empty,
                Tags = attribution?.Tags ?? new Dictionary<string, string>(),
            };
            await _usage.AppendAsync(record, cancellationToken).ConfigureAwait(false);
            run.Recorded++;
            run.Transitions += segment.Transitions;
        }
    }

    private async Task<UsageAttribution?> AttributionAsync(string pipeline, Run run, CancellationToken cancellationToken)
    {
        if (_options.Attribution is null)
        {
            return null;
        }

        if (!run.Attributions.TryGetValue(pipeline, out var attribution))
        {
            attribution = await _options.Attribution(pipeline, cancellationToken).ConfigureAwait(false);
            run.Attributions[pipeline] = attribution;
        }

        return attribution;
    }

    /// <summary>The <c>pipeline</c> member of the execution input; empty when the input is missing, not JSON or has none.</summary>
    internal static string PipelineOf(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        try
        {
            using var doc = JsonDocument.Parse(input);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("pipeline", out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetString()!
                : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private sealed class Run(DateTimeOffset since)
    {
        public DateTimeOffset Since { get; } = since;

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, UsageAttribution?> Attributions { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset? OldestRunning { get; set; }

        public int Examined { get; set; }

        public int Recorded { get; set; }

        public long Transitions { get; set; }
    }
}
