using Lakehouse.Lambda.Usage;

namespace Lakehouse.Lambda.Tests.Usage;

/// <summary>Records what the host reports; can be told to throw.</summary>
internal sealed class RecordingObserver : IInvocationObserver
{
    public List<InvocationStart> Started { get; } = [];

    public List<InvocationUsage> Completed { get; } = [];

    public bool Throw { get; init; }

    public void OnInvocationStarted(InvocationStart start)
    {
        Started.Add(start);
        if (Throw)
        {
            throw new InvalidOperationException("observer broke on start");
        }
    }

    public ValueTask OnInvocationCompletedAsync(InvocationUsage usage, CancellationToken cancellationToken)
    {
        Completed.Add(usage);
        return Throw ? throw new InvalidOperationException("observer broke on end") : ValueTask.CompletedTask;
    }
}
