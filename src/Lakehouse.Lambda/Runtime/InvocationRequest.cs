namespace Lakehouse.Lambda.Runtime;

/// <summary>One event handed out by <c>/runtime/invocation/next</c>, with the headers the runtime needs.</summary>
/// <param name="RequestId">Lambda-Runtime-Aws-Request-Id.</param>
/// <param name="DeadlineUnixMs">Lambda-Runtime-Deadline-Ms: the wall-clock instant (epoch ms) Lambda stops the invoke.</param>
/// <param name="InvokedFunctionArn">Lambda-Runtime-Invoked-Function-Arn (may carry a version or alias qualifier).</param>
/// <param name="TraceId">Lambda-Runtime-Trace-Id, or null when tracing is off.</param>
/// <param name="Body">The event JSON exactly as received.</param>
public sealed record InvocationRequest(
    string RequestId,
    long DeadlineUnixMs,
    string InvokedFunctionArn,
    string? TraceId,
    ReadOnlyMemory<byte> Body);
