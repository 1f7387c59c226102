namespace Lakehouse.Lambda.Usage;

/// <summary>The default observer: records nothing.</summary>
public sealed class NoOpInvocationObserver : IInvocationObserver
{
    public static NoOpInvocationObserver Instance { get; } = new();

    public void OnInvocationStarted(InvocationStart start)
    {
    }

    public ValueTask OnInvocationCompletedAsync(InvocationUsage usage, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
