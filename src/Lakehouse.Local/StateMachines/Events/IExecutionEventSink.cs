namespace Lakehouse.Local.StateMachines.Events;

/// <summary>Observes history events as an execution runs. Must be thread-safe (Map iterations run concurrently).</summary>
public interface IExecutionEventSink
{
    void OnEvent(ExecutionEvent executionEvent);
}
