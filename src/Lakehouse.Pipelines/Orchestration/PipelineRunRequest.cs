using System.Text.Json.Nodes;

namespace Lakehouse.Pipelines.Orchestration;

/// <summary>
/// The state machine's input: which pipeline, a run id (also the execution name) and the silver and gold tables to
/// process, each list grouped in dependency waves (tables of one wave run in parallel; waves run in order).
/// </summary>
public sealed record PipelineRunRequest(
    string Pipeline,
    string RunId,
    IReadOnlyList<IReadOnlyList<string>> SilverWaves,
    IReadOnlyList<IReadOnlyList<string>> GoldWaves,
    JsonObject? Trigger = null)
{
    /// <summary>The JSON document the state machine receives.</summary>
    public JsonObject ToStateMachineInput()
    {
        static JsonArray Waves(IReadOnlyList<IReadOnlyList<string>> waves) =>
            new(waves.Select(w => (JsonNode?)new JsonArray(w.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray())).ToArray());

        return new JsonObject
        {
            ["pipeline"] = Pipeline,
            ["runId"] = RunId,
            ["silverWaves"] = Waves(SilverWaves),
            ["goldWaves"] = Waves(GoldWaves),
            ["trigger"] = Trigger?.DeepClone() ?? new JsonObject(),
        };
    }
}
