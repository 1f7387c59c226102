using System.Collections.Concurrent;
using Lakehouse.Local.StateMachines.Events;

namespace Lakehouse.Local.Tests.StateMachines;

internal sealed class CollectingEventSink : IExecutionEventSink
{
    private readonly ConcurrentQueue<ExecutionEvent> _events = new();

    public IReadOnlyList<ExecutionEvent> Events => _events.ToArray();

    public void OnEvent(ExecutionEvent executionEvent) => _events.Enqueue(executionEvent);
}
