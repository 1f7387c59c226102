namespace Lakehouse.Lambda.Runtime;

/// <summary>
/// The Lambda Runtime API (version 2018-06-01) as the invoke loop sees it. Every call the runtime makes to Lambda goes
/// through this interface, so tests replace it with an in-memory fake and the real implementation stays a thin HTTP shim.
/// </summary>
public interface IRuntimeApiClient
{
    /// <summary>
    /// Waits for the next event (<c>GET /runtime/invocation/next</c>). There is no client-side timeout: Lambda freezes
    /// the process while no event is pending, so the call may "last" hours of wall-clock time.
    /// </summary>
    Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken);

    /// <summary>Posts the handler's result (<c>POST /runtime/invocation/{id}/response</c>); at most 6 MB.</summary>
    Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> responseJson, CancellationToken cancellationToken);

    /// <summary>Reports a failed invocation (<c>POST /runtime/invocation/{id}/error</c>).</summary>
    Task PostInvocationErrorAsync(string requestId, RuntimeError runtimeError, CancellationToken cancellationToken);

    /// <summary>Reports that start-up failed (<c>POST /runtime/init/error</c>); Lambda then fails the pending invoke.</summary>
    Task PostInitErrorAsync(RuntimeError runtimeError, CancellationToken cancellationToken);
}
