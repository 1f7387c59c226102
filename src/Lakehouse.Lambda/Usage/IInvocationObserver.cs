namespace Lakehouse.Lambda.Usage;

/// <summary>
/// Hook the host calls around every invocation, failed ones included: the metering component plugs a usage store in
/// here. Contract: the host calls <see cref="OnInvocationStarted"/> before the handler and
/// <see cref="OnInvocationCompletedAsync"/> only after the response or error has been posted, so an observer never
/// delays what the caller sees. Exceptions from an observer are logged and swallowed; they never fail the invocation.
/// Keep <see cref="OnInvocationStarted"/> cheap (no I/O). Work left running after
/// <see cref="OnInvocationCompletedAsync"/> returns may be frozen until the next invoke (Lambda freezes the process
/// as soon as the runtime asks for the next event), so finish writes before returning.
/// </summary>
public interface IInvocationObserver
{
    void OnInvocationStarted(InvocationStart start);

    /// <param name="usage">What Lambda bills for this invocation.</param>
    /// <param name="cancellationToken">Fires when the host stops waiting (a few seconds).</param>
    ValueTask OnInvocationCompletedAsync(InvocationUsage usage, CancellationToken cancellationToken);
}
