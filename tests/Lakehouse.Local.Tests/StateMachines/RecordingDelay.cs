using Lakehouse.Local.StateMachines;
using Lakehouse.Testing;

namespace Lakehouse.Local.Tests.StateMachines;

/// <summary>A delay that does not sleep: it records each wait and advances the fake clock by it.</summary>
internal sealed class RecordingDelay(FakeTimeProvider? clock = null) : IExecutionDelay
{
    private readonly List<TimeSpan> _waits = [];

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_waits)
            {
                return _waits.ToArray();
            }
        }
    }

    public Task DelayAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_waits)
        {
            _waits.Add(duration);
        }

        clock?.Advance(duration);
        return Task.CompletedTask;
    }
}
