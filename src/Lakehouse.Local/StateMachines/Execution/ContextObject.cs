using System.Text.Json.Nodes;

namespace Lakehouse.Local.StateMachines.Execution;

/// <summary>
/// The context object (<c>$$</c>) of one state at one attempt. Paths read its top-level members directly: the
/// Execution and StateMachine members are shared, read-only nodes of the execution (every consumer copies what it
/// selects), so a Map over many items does not copy the execution input once per item.
/// </summary>
internal sealed class ContextObject
{
    private readonly ExecutionRun? _execution;
    private readonly string _stateName;
    private readonly DateTimeOffset _enteredTime;
    private readonly int _retryCount;
    private readonly int? _itemIndex;
    private readonly JsonNode? _itemValue;
    private JsonObject? _state;
    private JsonObject? _map;

    public ContextObject(ExecutionRun? execution, string stateName, DateTimeOffset enteredTime, int retryCount, int? itemIndex, JsonNode? itemValue)
    {
        _execution = execution;
        _stateName = stateName;
        _enteredTime = enteredTime;
        _retryCount = retryCount;
        _itemIndex = itemIndex;
        _itemValue = itemValue;
    }

    /// <summary>A context with no execution (for evaluating paths in isolation).</summary>
    public static ContextObject Empty { get; } = new(null, string.Empty, default, 0, null, null);

    /// <summary>Looks up a top-level member (Execution, State, StateMachine, Map); the node must not be modified.</summary>
    public bool TryGetMember(string name, out JsonNode? member)
    {
        member = name switch
        {
            "Execution" => _execution?.ExecutionContext,
            "StateMachine" => _execution?.StateMachineContext,
            "State" when _execution is not null => _state ??= new JsonObject
            {
                ["EnteredTime"] = ExecutionRun.FormatTime(_enteredTime),
                ["Name"] = _stateName,
                ["RetryCount"] = _retryCount,
            },
            "Map" when _itemIndex is { } index => _map ??= new JsonObject
            {
                ["Item"] = new JsonObject { ["Index"] = index, ["Value"] = _itemValue?.DeepClone() },
            },
            _ => null,
        };
        return member is not null;
    }

    /// <summary>The whole context object as a new node (for the rare path <c>$$</c> itself).</summary>
    public JsonObject ToNode()
    {
        var node = new JsonObject();
        foreach (var name in new[] { "Execution", "State", "StateMachine", "Map" })
        {
            if (TryGetMember(name, out var member))
            {
                node[name] = member!.DeepClone();
            }
        }

        return node;
    }
}
