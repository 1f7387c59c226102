namespace Lakehouse.Lambda.Usage;

/// <summary>
/// One finished invocation as Lambda bills it: duration rounded up to the next whole millisecond times the
/// configured memory (GB-seconds = <see cref="BilledDurationMs"/> / 1000 × <see cref="MemoryMb"/> / 1024).
/// <see cref="ErrorType"/> is the reported error type when <see cref="Succeeded"/> is false; <see cref="CorrelationId"/>
/// is the event's correlation id (for example the pipeline run id of a Transform task) when it has one.
/// </summary>
public sealed record InvocationUsage(
    string RequestId,
    string FunctionName,
    string FunctionVersion,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    long BilledDurationMs,
    int MemoryMb,
    string Architecture,
    bool ColdStart,
    bool Succeeded,
    string? ErrorType,
    string? CorrelationId = null)
{
    /// <summary>Billed duration in ms for an elapsed time: rounded up to 1 ms, at least 1 ms.</summary>
    public static long BilledMilliseconds(TimeSpan elapsed)
    {
        var ms = (long)Math.Ceiling(elapsed.TotalMilliseconds);
        return ms < 1 ? 1 : ms;
    }

    /// <summary>GB-seconds of this invocation.</summary>
    public decimal GigabyteSeconds => BilledDurationMs / 1000m * MemoryMb / 1024m;
}
