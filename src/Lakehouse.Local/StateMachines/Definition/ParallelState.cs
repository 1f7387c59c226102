using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines.Execution;

namespace Lakehouse.Local.StateMachines.Definition;

/// <summary>Parallel: runs every branch on the same input concurrently; the result is the array of branch outputs.</summary>
internal sealed class ParallelState : RecoverableState
{
    public ParallelState(FieldReader reader, string name, Func<JsonObject, string, StateGraph> readGraph)
        : base(reader, name, hasParameters: true)
    {
        var branches = reader.Array("Branches");
        if (branches is null || branches.Count == 0)
        {
            throw reader.Error("Branches", "must be a non-empty array of state graphs.");
        }

        Branches = branches.Select((b, i) => readGraph(b as JsonObject ?? throw reader.Error($"Branches[{i}]", "must be a JSON object."), $"Branches[{i}]")).ToArray();
    }

    public IReadOnlyList<StateGraph> Branches { get; }

    public override IEnumerable<StateGraph> Children => Branches;

    protected override Task<JsonNode?> RunAsync(JsonNode? payload, JsonNode? effectiveInput, ContextObject context, StateRun run, int retryCount, CancellationToken cancellationToken) =>
        RunBranchesAsync(payload, run, cancellationToken);

    private async Task<JsonNode?> RunBranchesAsync(JsonNode? payload, StateRun run, CancellationToken cancellationToken) =>
        await ConcurrentRunner.RunAllAsync(
            Branches.Count,
            0,
            (index, token) => GraphRunner.RunAsync(Branches[index], payload?.DeepClone(), run.Execution, run.MapIndex, token),
            cancellationToken).ConfigureAwait(false);
}
