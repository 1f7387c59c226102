using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Events;

// CA1507: the string keys below are context-object field names defined by the States Language, not member names.
#pragma warning disable CA1507

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
    public JsonObject Context(int retryCount, int? itemIndex = null, JsonNode? itemValue = null)
    {
        var context = new JsonObject
        {
            ["Execution"] = execution.ExecutionContext.DeepClone(),
            ["State"] = new JsonObject
            {
                ["EnteredTime"] = ExecutionRun.FormatTime(enteredTime),
                ["Name"] = stateName,
                ["RetryCount"] = retryCount,
            },
            ["StateMachine"] = execution.StateMachineContext.DeepClone(),
        };
        if (itemIndex is { } index)
        {
            context["Map"] = new JsonObject { ["Item"] = new JsonObject { ["Index"] = index, ["Value"] = itemValue?.DeepClone() } };
        }

        return context;
    }

    public void Record(ExecutionEventType type, string? error = null, string? cause = null, int? retryCount = null, TimeSpan? delay = null, string? resource = null, int? iteration = null) =>
        execution.Record(type, stateName, iteration ?? mapIndex, error, cause, retryCount, delay, resource);
}
