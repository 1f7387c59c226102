namespace Lakehouse.Pipelines.Metering;

/// <summary>
/// One metered unit of work: a function invocation, a local run step, or the state transitions of one pipeline run.
/// <see cref="RequestId"/> is the idempotency key: storing the same request id twice keeps one record, so a retried
/// put (or Lambda's retry of an asynchronous invocation, which keeps the request id) is never billed twice.
/// </summary>
public sealed record UsageRecord
{
    public required string WorkspaceId { get; init; }

    public required string RequestId { get; init; }

    public required UsageKind Kind { get; init; }

    /// <summary>Pipeline name; empty for work that belongs to no pipeline (e.g. the billing job).</summary>
    public string Pipeline { get; init; } = string.Empty;

    /// <summary>Stage or table, e.g. <c>bronze/orders</c>, <c>silver/orders</c>.</summary>
    public string Stage { get; init; } = string.Empty;

    /// <summary>The compute that ran: function name (AWS) or <c>local</c> step name.</summary>
    public required string Function { get; init; }

    /// <summary>
    /// When the work started: decides the UTC hour (and month file) the record is billed in. For
    /// <see cref="UsageKind.Orchestration"/> records it is the execution's stop time (see <see cref="StateTransitions"/>).
    /// </summary>
    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    /// <summary>Billed duration: wall time rounded up to the next millisecond (Lambda's rule).</summary>
    public long BilledDurationMs { get; init; }

    public int MemoryMb { get; init; }

    /// <summary><c>x86_64</c> or <c>arm64</c>.</summary>
    public string Architecture { get; init; } = "x86_64";

    /// <summary>
    /// State transitions of one state machine execution (for <see cref="UsageKind.Orchestration"/> records), counted by
    /// <see cref="StateTransitionCounter"/>'s rule. Such a record is a point in time: <see cref="Start"/> =
    /// <see cref="End"/> = the execution's stop time, because transitions are only known once it finished and a record
    /// dated at the stop can never be late for a month file that is already closed (a run started on the last day of a
    /// month and finished on the first of the next is billed in the next).
    /// </summary>
    public long StateTransitions { get; init; }

    public bool Succeeded { get; init; } = true;

    public string OwnerId { get; init; } = string.Empty;

    public string OwnerName { get; init; } = string.Empty;

    /// <summary>Custom tags of the pipeline.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>GB-seconds: billed ms / 1000 × memory MB / 1024, exact in decimal.</summary>
    public decimal GbSeconds => BilledDurationMs / 1000m * (MemoryMb / 1024m);

    /// <summary>Builds an invocation record, rounding the duration up to whole milliseconds.</summary>
    public static long BilledMilliseconds(DateTimeOffset start, DateTimeOffset end)
    {
        var ticks = Math.Max(0, (end - start).Ticks);
        return (ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
    }
}
