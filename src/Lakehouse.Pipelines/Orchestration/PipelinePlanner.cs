using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Pipelines.Orchestration;

/// <summary>
/// Groups a pipeline's silver and gold tables into dependency waves for the state machine: a table runs in the wave
/// after the latest wave of any silver/gold table it reads (topological levels), so tables of one wave are independent
/// and run in parallel. Bronze inputs impose no order (bronze is committed before the run starts).
/// </summary>
public static class PipelinePlanner
{
    /// <summary>The run for a bronze commit: every silver and gold table of <paramref name="pipeline"/>, in waves.</summary>
    public static PipelineRunRequest Plan(PipelineDefinition pipeline, string runId, System.Text.Json.Nodes.JsonObject? trigger = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return new PipelineRunRequest(pipeline.Name, runId, SilverWaves(pipeline), GoldWaves(pipeline), trigger);
    }

    /// <summary>Silver tables in waves: one reading another silver table comes after it.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> SilverWaves(PipelineDefinition pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var silver = new HashSet<string>(pipeline.Silver.Select(s => s.Name), StringComparer.OrdinalIgnoreCase);
        var inputs = pipeline.Silver.ToDictionary(
            s => s.Name,
            s => (IReadOnlyList<string>)(silver.Contains(s.From.Name) && !string.Equals(s.From.Name, s.Name, StringComparison.OrdinalIgnoreCase) ? [s.From.Name] : []),
            StringComparer.OrdinalIgnoreCase);
        return Levels(pipeline.Silver.Select(s => s.Name).ToList(), inputs, pipeline.File);
    }

    /// <summary>Gold tables in waves: gold reads silver (already done), or another gold table, which then comes first.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> GoldWaves(PipelineDefinition pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var gold = new HashSet<string>(pipeline.Gold.Select(g => g.Name), StringComparer.OrdinalIgnoreCase);
        var inputs = pipeline.Gold.ToDictionary(
            g => g.Name,
            g => (IReadOnlyList<string>)g.From.Select(f => f.Name).Where(n => gold.Contains(n) && !string.Equals(n, g.Name, StringComparison.OrdinalIgnoreCase)).ToList(),
            StringComparer.OrdinalIgnoreCase);
        return Levels(pipeline.Gold.Select(g => g.Name).ToList(), inputs, pipeline.File);
    }

    private static List<IReadOnlyList<string>> Levels(List<string> tables, Dictionary<string, IReadOnlyList<string>> inputs, string file)
    {
        var level = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var visiting = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        int LevelOf(string table)
        {
            if (level.TryGetValue(table, out var known))
            {
                return known;
            }

            if (!visiting.Add(table))
            {
                throw new PipelineDefinitionException(new SourcePosition(file, 1, 1), $"Tables of {file} read each other in a cycle through '{table}'; break the cycle so every table can be computed from tables before it.");
            }

            var value = inputs[table].Count == 0 ? 0 : inputs[table].Max(LevelOf) + 1;
            visiting.Remove(table);
            level[table] = value;
            return value;
        }

        foreach (var table in tables)
        {
            LevelOf(table);
        }

        // Waves keep definition order inside a level, so plans are deterministic (run ids depend on equal inputs).
        return tables.GroupBy(t => level[t]).OrderBy(g => g.Key).Select(g => (IReadOnlyList<string>)g.ToList()).ToList();
    }
}
