namespace Lakehouse.Lambda.Usage;

/// <summary>An invocation began (the event was received).</summary>
public sealed record InvocationStart(string RequestId, string FunctionName, DateTimeOffset StartedAt, bool ColdStart);
