using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Execution;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>
/// A parsed, validated state. Each subclass holds its fields and runs itself; the graph runner moves between them.
/// </summary>
internal abstract class StateNode
{
    protected StateNode(FieldReader reader, string name, bool hasPaths, bool hasTransition)
    {
        Name = name;
        reader.Has("Type");
        reader.Has("Comment");
        if (hasPaths)
        {
            InputPath = reader.Path("InputPath", allowNull: true, referenceOnly: false, PathField.Root);
            OutputPath = reader.Path("OutputPath", allowNull: true, referenceOnly: false, PathField.Root);
        }

        if (hasTransition)
        {
            Next = reader.String("Next");
            var end = reader.Boolean("End") ?? false;
            if ((Next is null) == !end)
            {
                throw reader.Error(Next is null ? "End" : "Next", "exactly one of 'Next' or 'End': true is required.");
            }
        }
    }

    public string Name { get; }

    public PathField InputPath { get; } = PathField.Root;

    public PathField OutputPath { get; } = PathField.Root;

    /// <summary>The next state, or null when the state ends its graph (End: true, Succeed, Fail).</summary>
    public string? Next { get; }

    /// <summary>Every state name this state can transition to (Next, Choice targets, Catch targets).</summary>
    public virtual IEnumerable<string> Transitions => Next is null ? [] : [Next];

    /// <summary>Nested graphs (Map iteration, Parallel branches).</summary>
    public virtual IEnumerable<StateGraph> Children => [];

    public abstract Task<StateResult> ExecuteAsync(JsonNode? input, StateRun run, CancellationToken cancellationToken);

    protected JsonNode? SelectInput(JsonNode? input, ContextObject? context) => InputPath.Select(input, context, Name, "InputPath");

    protected JsonNode? SelectOutput(JsonNode? output, ContextObject? context) => OutputPath.Select(output, context, Name, "OutputPath");
}
