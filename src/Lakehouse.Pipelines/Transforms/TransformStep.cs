using System.Diagnostics;
using System.Text.Json.Nodes;
using Lakehouse.Delta.Errors;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.EventLog;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Transforms.Gold;
using Lakehouse.Pipelines.Transforms.Silver;

namespace Lakehouse.Pipelines.Transforms;

/// <summary>
/// The silver/gold step that the Transform Lambda and the local state machine both call. It runs one table's update
/// (<see cref="RunAsync"/>), logs step events, expectation counts and failures to the pipeline event log, and returns a
/// small JSON summary. A lost commit race (another run committed the same watermark) is retried from the start, which
/// re-reads the watermark and so ends as <c>skipped</c>; other failures are logged as <c>step_failed</c> and rethrown so
/// the state machine's Retry/Catch sees them. The event log gets <c>step_started</c> when the step starts (one commit)
/// and the expectation counts plus the final event when it ends (one more commit).
/// </summary>
public sealed class TransformStep
{
    private const int MaxAttempts = 5;
    private readonly LakehouseRuntime _runtime;
    private readonly PipelineDefinition _pipeline;
    private readonly PipelineEventLog _events;

    public TransformStep(LakehouseRuntime runtime, PipelineDefinition pipeline)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(pipeline);
        _runtime = runtime;
        _pipeline = pipeline;
        _events = new PipelineEventLog(runtime, pipeline.Name);
    }

    /// <summary>Runs (or records the failure of) one step; see <see cref="TransformRequest"/> for the input.</summary>
    /// <returns><c>{table, layer, status, message, strategy (gold: incremental or full), sourceVersions, versionWritten, rowsRead, rowsWritten, rowsDropped, expectations, details, attempts, durationMs}</c>.</returns>
    public async Task<JsonObject> RunAsync(TransformRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.Pipeline, _pipeline.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new TransformException($"The request is for pipeline '{request.Pipeline}' but this step was built for '{_pipeline.Name}'.");
        }

        if (request.Validate() is { } problem)
        {
            throw new TransformException(problem);
        }

        // A run-level failure (the state machine's Catch) names no table or layer.
        if (request.IsRecordFailure)
        {
            return await RecordFailureAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var layer = ParseLayer(request.Layer!);
        var table = request.Table!;

        var started = _runtime.Time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var context = EvaluationContext.Create(_runtime.Time);

        // step_started is its own commit, written before any work: a step that crashes (process killed, Lambda timeout)
        // leaves a step_started row with no step_finished/step_skipped/step_failed of the same run and table, which is
        // how readers tell a running or crashed step from one that never started. Everything else about the step is
        // one more commit at its end, so a step costs two event-log commits whatever it does.
        await _events.AppendAsync([Event(request, started, PipelineEventTypes.StepStarted)], cancellationToken).ConfigureAwait(false);
        var events = new List<PipelineEvent>();
        StepOutcome? outcome = null;
        var attempts = 0;
        try
        {
            while (true)
            {
                attempts++;
                try
                {
                    outcome = await RunOnceAsync(layer, table, context, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (CommitConflictException) when (attempts < MaxAttempts)
                {
                    // Another writer committed first; start over from its result (our watermark may now be current).
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            events.AddRange(ExpectationEvents(request, LastOutcome));
            events.Add(Event(request, _runtime.Time.GetUtcNow(), PipelineEventTypes.StepFailed) with
            {
                Status = TransformStatus.Failed,
                DurationMs = clock.ElapsedMilliseconds,
                Error = $"{(e as LakehouseException)?.ErrorType ?? e.GetType().Name}: {e.Message}",
            });
            await _events.AppendAsync(events, cancellationToken).ConfigureAwait(false);
            throw;
        }

        var duration = clock.ElapsedMilliseconds;
        var summary = Summary(request, outcome, attempts, duration);
        events.AddRange(ExpectationEvents(request, outcome));
        events.Add(Event(request, _runtime.Time.GetUtcNow(), outcome.Status == TransformStatus.Skipped ? PipelineEventTypes.StepSkipped : PipelineEventTypes.StepFinished) with
        {
            Status = outcome.Status,
            RowsRead = outcome.RowsRead,
            RowsWritten = outcome.RowsWritten,
            RowsDropped = outcome.RowsDropped,
            DurationMs = duration,
            Details = summary.ToJsonString(),
        });
        await _events.AppendAsync(events, cancellationToken).ConfigureAwait(false);
        return summary;
    }

    private StepOutcome? LastOutcome { get; set; }

    /// <summary>When gold updates go incremental (tests tighten the thresholds).</summary>
    internal GoldIncrementalPolicy GoldPolicy { get; init; } = GoldIncrementalPolicy.Default;

    private async Task<StepOutcome> RunOnceAsync(MedallionLayer layer, string table, EvaluationContext context, CancellationToken ct)
    {
        LastOutcome = null;
        if (layer == MedallionLayer.Silver)
        {
            var definition = _pipeline.FindSilver(table)
                ?? throw new TransformException($"Pipeline '{_pipeline.Name}' ({_pipeline.File}) has no silver table '{table}'; silver tables: {string.Join(", ", _pipeline.Silver.Select(s => s.Name))}.");
            var runner = new SilverRunner(_runtime, _pipeline);
            return await runner.RunAsync(definition, context, o => LastOutcome = o, ct).ConfigureAwait(false);
        }

        var gold = _pipeline.FindGold(table)
            ?? throw new TransformException($"Pipeline '{_pipeline.Name}' ({_pipeline.File}) has no gold table '{table}'; gold tables: {string.Join(", ", _pipeline.Gold.Select(g => g.Name))}.");
        return await new GoldRunner(_runtime, _pipeline, GoldPolicy).RunAsync(gold, context, ct).ConfigureAwait(false);
    }

    private async Task<JsonObject> RecordFailureAsync(TransformRequest request, CancellationToken ct)
    {
        var error = request.Error is { } e ? $"{e.Error}: {e.Cause}" : "unknown error";
        await _events.AppendAsync([Event(request, _runtime.Time.GetUtcNow(), PipelineEventTypes.RunFailed) with { Status = TransformStatus.Failed, Error = error }], ct).ConfigureAwait(false);
        return new JsonObject
        {
            ["table"] = request.Table,
            ["layer"] = request.Layer?.ToLowerInvariant(),
            ["status"] = TransformStatus.Failed,
            ["error"] = error,
        };
    }

    private static MedallionLayer ParseLayer(string layer) => layer.ToLowerInvariant() switch
    {
        "silver" => MedallionLayer.Silver,
        "gold" => MedallionLayer.Gold,
        _ => throw new TransformException($"Layer '{layer}' cannot be transformed; use 'silver' or 'gold' (bronze is written by ingestion)."),
    };

    private PipelineEvent Event(TransformRequest request, DateTimeOffset at, string type) =>
        new(at, request.RunId, _pipeline.Name, request.Table ?? string.Empty, request.Layer?.ToLowerInvariant() ?? string.Empty, type);

    private IEnumerable<PipelineEvent> ExpectationEvents(TransformRequest request, StepOutcome? outcome) =>
        (outcome?.Expectations ?? []).Select(c => Event(request, _runtime.Time.GetUtcNow(), PipelineEventTypes.Expectation) with
        {
            Expectation = c.Definition.Name,
            ExpectationAction = c.Definition.Action.ToString().ToLowerInvariant(),
            Passed = c.Passed,
            Failed = c.Failed,
        });

    private static JsonObject Summary(TransformRequest request, StepOutcome outcome, int attempts, long durationMs)
    {
        var versions = new JsonObject();
        foreach (var (name, version) in outcome.SourceVersions)
        {
            versions[name] = version;
        }

        var expectations = new JsonObject();
        foreach (var c in outcome.Expectations)
        {
            expectations[c.Definition.Name] = new JsonObject
            {
                ["action"] = c.Definition.Action.ToString().ToLowerInvariant(),
                ["passed"] = c.Passed,
                ["failed"] = c.Failed,
            };
        }

        var details = new JsonObject();
        foreach (var (name, value) in outcome.Details)
        {
            details[name] = value;
        }

        return new JsonObject
        {
            ["table"] = request.Table,
            ["layer"] = request.Layer!.ToLowerInvariant(),
            ["status"] = outcome.Status,
            ["message"] = outcome.Message,
            ["strategy"] = outcome.Strategy,
            ["sourceVersions"] = versions,
            ["versionWritten"] = outcome.VersionWritten,
            ["rowsRead"] = outcome.RowsRead,
            ["rowsWritten"] = outcome.RowsWritten,
            ["rowsDropped"] = outcome.RowsDropped,
            ["expectations"] = expectations,
            ["details"] = details,
            ["attempts"] = attempts,
            ["durationMs"] = durationMs,
        };
    }
}
