using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Pipelines.Orchestration;

/// <summary>
/// Orders a pipeline's silver and gold tables into dependency waves: a table runs in the wave after the latest wave of
/// the silver tables it reads (bronze sources are ready before any run). Tables of one wave are independent and run in
/// parallel in the state machine's inner Map; waves run one after the other. The definition parser already rejects
/// cycles, so every table gets a wave.
/// </summary>
public static class PipelinePlanner
{
    public static PipelineRunRequest Plan(PipelineDefinition pipeline, string runId, System.Text.Json.Nodes.JsonObject? trigger = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return new PipelineRunRequest(pipeline.Name, runId, SilverWaves(pipeline), GoldWaves(pipeline), trigger);
    }

    public static IReadOnlyList<IReadOnlyList<string>> SilverWaves(PipelineDefinition pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var silver = pipeline.Silver.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var level = new Dictionary<string, int>(StringComparer.Ordinal);

        int Level(string name, int depth)
        {
            if (level.TryGetValue(name, out var known))
            {
                return known;
            }

            if (depth > silver.Count)
            {
                throw new PipelineDefinitionException(silver[name].Position, $"Silver table '{name}' of pipeline '{pipeline.Name}' is part of a dependency cycle.");
            }

            var from = silver[name].From.Name;
            var l = silver.ContainsKey(from) ? Level(from, depth + 1) + 1 : 0;
            level[name] = l;
            return l;
        }

        foreach (var s in pipeline.Silver)
        {
            Level(s.Name, 0);
        }

        return Group(pipeline.Silver.Select(s => (s.Name, level[s.Name])));
    }

    /// <summary>Gold tables read silver tables only, so they form one wave after all silver waves.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> GoldWaves(PipelineDefinition pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return pipeline.Gold.Count == 0 ? [] : [pipeline.Gold.Select(g => g.Name).ToArray()];
    }

    private static IReadOnlyList<string>[] Group(IEnumerable<(string Name, int Level)> items) =>
        items.GroupBy(i => i.Level).OrderBy(g => g.Key).Select(g => (IReadOnlyList<string>)g.Select(i => i.Name).ToArray()).ToArray();
}
