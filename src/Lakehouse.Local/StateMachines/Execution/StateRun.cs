using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Events;

namespace Lakehouse.Local.StateMachines.Execution;

/// <summary>One entry into one state: builds the context object (<c>$$</c>) and records events under the state's name.</summary>
internal sealed class StateRun(ExecutionRun execution, string stateName, DateTimeOffset enteredTime, int? mapIndex)
{
    public ExecutionRun Execution => execution;

    public string StateName => stateName;

    public DateTimeOffset EnteredTime => enteredTime;

    /// <summary>The Map iteration this state runs in, if any.</summary>
    public int? MapIndex => mapIndex;

    /// <summary>The context object for this state at attempt <paramref name="retryCount"/>, optionally with a Map item.</summary>
    public ContextObject Context(int retryCount, int? itemIndex = null, JsonNode? itemValue = null) =>
        new(execution, stateName, enteredTime, retryCount, itemIndex, itemValue);

    public void Record(ExecutionEventType type, string? error = null, string? cause = null, int? retryCount = null, TimeSpan? delay = null, string? resource = null, int? iteration = null) =>
        execution.Record(type, stateName, iteration ?? mapIndex, error, cause, retryCount, delay, resource);
}
