using Lakehouse.Pipelines.Metering;

namespace Lakehouse.Aws.Metering;

/// <summary>Settings of <see cref="StepFunctionsUsageCollector"/>.</summary>
/// <param name="WorkspaceId">The workspace the executions are billed to (the deployment's WORKSPACE_ID).</param>
/// <param name="StateMachineArn">The pipeline state machine (env STATE_MACHINE_ARN).</param>
/// <param name="CursorKey">Object key of the collector's cursor (how far it got), e.g. <c>&lt;prefix&gt;/billable-usage/collectors/step-functions.json</c>.</param>
public sealed record StepFunctionsCollectorOptions(string WorkspaceId, string StateMachineArn, string CursorKey)
{
    /// <summary>
    /// How far before the previous collection the next one looks again. ListExecutions is eventually consistent: an
    /// execution that stopped just before a collection may still have been listed as running, and is picked up by the
    /// next collection within this window. Collecting an execution twice stores it once. Default 6 hours.
    /// </summary>
    public TimeSpan Overlap { get; init; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Without a cursor (the first collection), executions that stopped in this span before now are collected. Default
    /// 35 days: the current and the previous month, which the billing job may still recompute. (Without a cursor the
    /// collector cannot know which older executions were still running, so one that started before this span is not
    /// collected by that first run; from then on the cursor remembers running executions.)
    /// </summary>
    public TimeSpan InitialLookBack { get; init; } = TimeSpan.FromDays(35);

    /// <summary>ListExecutions page size (1 to 1,000). Default 100.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Owner and tags of a pipeline by name (from its definition); null or unset bills without them.</summary>
    public Func<string, CancellationToken, Task<UsageAttribution?>>? Attribution { get; init; }
}
