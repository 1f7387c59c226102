using System.Text.Json;
using Lakehouse.Pipelines.Metering;
using Lakehouse.Testing;

namespace Lakehouse.Pipelines.Tests.Metering;

/// <summary>Execution histories in the GetExecutionHistory JSON shape: the recorded pipeline run and small hand-made ones.</summary>
internal static class HistoryFixtures
{
    /// <summary>Path of the pipeline run history (also read by the Aws and Local tests).</summary>
    public static string PipelineRunPath { get; } =
        Path.Combine(RepositoryPaths.Root, "tests", "Lakehouse.Pipelines.Tests", "Metering", "Fixtures", "pipeline-run-history.json");

    public static IReadOnlyList<ExecutionHistoryEvent> PipelineRun() => Parse(File.ReadAllText(PipelineRunPath));

    public static IReadOnlyList<ExecutionHistoryEvent> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("events").EnumerateArray()
            .Select(e => new ExecutionHistoryEvent(
                e.GetProperty("id").GetInt64(),
                e.TryGetProperty("previousEventId", out var p) ? p.GetInt64() : 0,
                e.GetProperty("type").GetString()!,
                DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(e.GetProperty("timestamp").GetDouble() * TimeSpan.TicksPerSecond))))
            .ToList();
    }

    /// <summary>Events from (id, previous id, type) triples, one second apart from <paramref name="start"/>.</summary>
    public static IReadOnlyList<ExecutionHistoryEvent> Of(DateTimeOffset start, params (long Id, long Previous, string Type)[] events) =>
        events.Select(e => new ExecutionHistoryEvent(e.Id, e.Previous, e.Type, start.AddSeconds(e.Id))).ToList();
}
