using Lakehouse.Lambda.Usage;
using Lakehouse.Pipelines.Metering;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Functions.Metering;

/// <summary>
/// Writes one <see cref="UsageRecord"/> per invocation, failed ones included: kind by function, pipeline and stage from
/// the handler's <see cref="InvocationAttribution"/>, billed milliseconds (rounded up), memory and architecture from
/// the host. The host calls it after the response is posted, so the caller never waits for it; the write itself is
/// bounded (<see cref="MaxWait"/>) and a failure is logged, never thrown.
/// </summary>
public sealed partial class UsageRecordingObserver : IInvocationObserver
{
    /// <summary>The longest this observer waits for the usage store before giving up on a record.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(3);

    private readonly IUsageStore _store;
    private readonly string _workspaceId;
    private readonly UsageKind _kind;
    private readonly InvocationAttribution _attribution;
    private readonly ILogger _logger;

    public UsageRecordingObserver(IUsageStore store, string workspaceId, UsageKind kind, InvocationAttribution attribution, ILogger logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _workspaceId = workspaceId ?? throw new ArgumentNullException(nameof(workspaceId));
        _kind = kind;
        _attribution = attribution ?? throw new ArgumentNullException(nameof(attribution));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public void OnInvocationStarted(InvocationStart start)
    {
    }

    public async ValueTask OnInvocationCompletedAsync(InvocationUsage usage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var record = ToRecord(usage);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(MaxWait);
        try
        {
            await _store.AppendAsync(record, bounded.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Metering never fails an invocation: the record is lost and the log line says which one.
            LogRecordFailed(_logger, record.RequestId, record.Function, e);
        }
    }

    internal UsageRecord ToRecord(InvocationUsage usage)
    {
        var record = new UsageRecord
        {
            WorkspaceId = _workspaceId,
            RequestId = usage.RequestId,
            Kind = _kind,
            Function = usage.FunctionName,
            Start = usage.StartedAt,
            End = usage.EndedAt,
            BilledDurationMs = Math.Max(usage.BilledDurationMs, UsageRecord.BilledMilliseconds(usage.StartedAt, usage.EndedAt)),
            MemoryMb = usage.MemoryMb,
            Architecture = usage.Architecture,
            Succeeded = usage.Succeeded,
        };
        return _attribution.Take(usage.RequestId)?.ApplyTo(record) ?? record;
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Error, Message = "The usage record of request {RequestId} ({Function}) could not be stored; it is not billed")]
    private static partial void LogRecordFailed(ILogger logger, string requestId, string function, Exception exception);
}
