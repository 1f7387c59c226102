using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Local.Runs;

/// <summary>
/// Meters local run steps the way the Lambda functions are metered: one usage record per step (ingest, each transform),
/// recorded even when the step fails, billed at a nominal memory size (local steps have no configured memory; 1,024 MB
/// by default), plus one orchestration record per run with its state transitions.
/// </summary>
public sealed class UsageRecorder(IUsageStore store, PipelineDefinition pipeline, TimeProvider time, int memoryMb = 1024)
{
    public async Task<T> MeasureAsync<T>(UsageKind kind, string function, string stage, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var start = time.GetUtcNow();
        var succeeded = false;
        try
        {
            var result = await work();
            succeeded = true;
            return result;
        }
        finally
        {
            var end = time.GetUtcNow();
            // Recording must never turn a successful step into a failure, nor hide the step's own exception.
            try
            {
                await store.AppendAsync(Record(kind, function, stage, start, end, succeeded), CancellationToken.None);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// Records the state transitions of one run, as the billing job's Step Functions collector records an execution:
    /// one <see cref="UsageKind.Orchestration"/> record dated at the run's stop (<see cref="UsageRecord.StateTransitions"/>
    /// explains why), idempotent per run id. <paramref name="transitions"/> comes from the interpreter, which counts by
    /// <see cref="StateTransitionCounter"/>'s rule (one per state entered, one per retry).
    /// </summary>
    public Task RecordStateTransitionsAsync(string runId, DateTimeOffset stop, int transitions, bool succeeded, CancellationToken cancellationToken) =>
        store.AppendAsync(
            Record(UsageKind.Orchestration, "local-state-machine", "run", stop, stop, succeeded) with { RequestId = $"run-{runId}", StateTransitions = transitions },
            cancellationToken);

    private UsageRecord Record(UsageKind kind, string function, string stage, DateTimeOffset start, DateTimeOffset end, bool succeeded) => new()
    {
        WorkspaceId = pipeline.WorkspaceId,
        RequestId = Guid.NewGuid().ToString(),
        Kind = kind,
        Pipeline = pipeline.Name,
        Stage = stage,
        Function = function,
        Start = start,
        End = end,
        BilledDurationMs = kind == UsageKind.Orchestration ? 0 : UsageRecord.BilledMilliseconds(start, end),
        MemoryMb = kind == UsageKind.Orchestration ? 0 : memoryMb,
        Succeeded = succeeded,
        OwnerId = pipeline.Owner.Id,
        OwnerName = pipeline.Owner.Name ?? string.Empty,
        Tags = pipeline.Tags,
    };
}
