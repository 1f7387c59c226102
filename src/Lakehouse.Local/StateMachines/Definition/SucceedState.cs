using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Execution;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>Succeed: ends its graph successfully with the effective input as output.</summary>
internal sealed class SucceedState(FieldReader reader, string name) : StateNode(reader, name, hasPaths: true, hasTransition: false)
{
    public override Task<StateResult> ExecuteAsync(JsonNode? input, StateRun run, CancellationToken cancellationToken)
    {
        var context = run.Context(0);
        return Task.FromResult(new StateResult(SelectOutput(SelectInput(input, context), context), null));
    }
}
