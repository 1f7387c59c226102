namespace Lakehouse.Lambda.Logging;

/// <summary>
/// The per-invocation keys every log line carries. The runtime serves one invocation at a time, so a single mutable
/// holder (set by the loop before the handler runs, cleared after) also tags lines written from background threads.
/// </summary>
internal sealed class LambdaLogState
{
    private volatile Snapshot _current = new(null, null, null, true);

    public LambdaLogState(string serviceName, string functionName, string functionVersion, int memoryMb)
    {
        ServiceName = serviceName;
        FunctionName = functionName;
        FunctionVersion = functionVersion;
        MemoryMb = memoryMb;
    }

    public string ServiceName { get; }

    public string FunctionName { get; }

    public string FunctionVersion { get; }

    public int MemoryMb { get; }

    public Snapshot Current => _current;

    public void BeginInvocation(string requestId, string? traceId, bool coldStart)
        => _current = new Snapshot(requestId, traceId, null, coldStart);

    public void SetCorrelationId(string? correlationId) => _current = _current with { CorrelationId = correlationId };

    /// <summary>Between invocations lines carry no request id; cold_start stays as the last invocation left it.</summary>
    public void EndInvocation() => _current = new Snapshot(null, null, null, false);

    internal sealed record Snapshot(string? RequestId, string? TraceId, string? CorrelationId, bool ColdStart);
}
