using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Definition;
using Lakehouse.Local.StateMachines.Events;

namespace Lakehouse.Local.StateMachines.Execution;

/// <summary>
/// Runs a state graph from StartAt until a state ends it, counting one transition per state entered. A failing
/// state's <see cref="StatesError"/> propagates to the caller: the execution, or the enclosing Map/Parallel state.
/// </summary>
internal static class GraphRunner
{
    public static async Task<JsonNode?> RunAsync(StateGraph graph, JsonNode? input, ExecutionRun execution, int? mapIndex, CancellationToken cancellationToken)
    {
        var state = graph.States[graph.StartAt];
        var data = input;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var run = new StateRun(execution, state.Name, execution.TimeProvider.GetUtcNow(), mapIndex);
            execution.CountTransition();
            run.Record(ExecutionEventType.StateEntered);
            StateResult result;
            try
            {
                result = await state.ExecuteAsync(data, run, cancellationToken).ConfigureAwait(false);
            }
            catch (StatesError error)
            {
                run.Record(ExecutionEventType.StateFailed, error.Error, error.Cause);
                throw;
            }

            run.Record(ExecutionEventType.StateExited);
            if (result.Next is null)
            {
                return result.Output;
            }

            data = result.Output;
            state = graph.States[result.Next];
        }
    }
}
