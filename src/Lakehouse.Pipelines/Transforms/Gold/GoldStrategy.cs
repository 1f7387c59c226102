using Lakehouse.Delta;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Pipelines.Definitions;

namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>
/// Decides whether a gold update may run incrementally. It may when the table exists and holds what this step last
/// computed (same definition fingerprint and output schema, no other writer since, see <see cref="GoldLineage"/>),
/// the aggregation has group keys and reads no clock, every source has a watermark, and every source's commits since
/// its watermark are still in the log, change no schema or metadata, and are smaller than the sources themselves.
/// Both write modes qualify: merge by definition, and overwrite because the result (every group recomputed from the
/// current sources) equals what a full overwrite would write, as long as the invariant above holds; only the file
/// layout differs. Sources listed in <c>from</c> are unioned, never joined, so several sources qualify as well.
/// </summary>
internal static class GoldStrategy
{
    public static async Task<GoldStrategyDecision> DecideAsync(
        string pipelineName, GoldTableDefinition definition, DeltaTable target, Snapshot? targetSnapshot, IReadOnlyList<GoldSource> sources,
        string fingerprint, GoldIncrementalPolicy policy, CancellationToken ct)
    {
        if (!policy.Enabled)
        {
            return GoldStrategyDecision.Full("incremental updates are disabled");
        }

        if (targetSnapshot is null)
        {
            return GoldStrategyDecision.Full("first update (the table does not exist yet)");
        }

        if (targetSnapshot.Metadata.GetConfiguration(GoldDefinitionFingerprint.PropertyName) != fingerprint)
        {
            return GoldStrategyDecision.Full("the definition changed since the last update (or was never recorded)");
        }

        if (!targetSnapshot.Schema.Equals(sources[0].Plan.Aggregator.OutputSchema))
        {
            return GoldStrategyDecision.Full("the aggregation's output schema differs from the table's");
        }

        if (definition.GroupBy.Count == 0)
        {
            return GoldStrategyDecision.Full("a global aggregate (no group keys) has one group, which every change affects");
        }

        if (sources.Any(s => s.Plan.ReadsClock))
        {
            return GoldStrategyDecision.Full("the filter, a key or an aggregate reads the clock, so results change without source changes");
        }

        if (sources.FirstOrDefault(s => s.Watermark is null) is { } unseen)
        {
            return GoldStrategyDecision.Full($"no watermark recorded for source '{unseen.Reference.Name}'");
        }

        var watermarks = sources.ToDictionary(s => Watermarks.AppId(pipelineName, definition.Name, s.Reference.Name), s => s.Watermark!.Value, StringComparer.Ordinal);
        if (await GoldLineage.CheckAsync(target, targetSnapshot, watermarks, ct).ConfigureAwait(false) is { } broken)
        {
            return GoldStrategyDecision.Full(broken);
        }

        var changes = new List<(GoldSource, SourceChanges)>();
        foreach (var source in sources)
        {
            if (source.Watermark > source.Snapshot.Version)
            {
                return GoldStrategyDecision.Full($"source '{source.Reference.Name}' is at version {source.Snapshot.Version}, behind the watermark {source.Watermark} (recreated?)");
            }

            var delta = await SourceChangeReader.ReadAsync(source.Table, source.Snapshot, source.Watermark!.Value, ct).ConfigureAwait(false);
            if (delta.FallbackReason is { } reason)
            {
                return GoldStrategyDecision.Full(reason);
            }

            var size = source.Snapshot.Files.Sum(f => f.Size);
            if (delta.Bytes > policy.MaxChangeFraction * size)
            {
                return GoldStrategyDecision.Full($"the changes to '{source.Reference.Name}' ({delta.Bytes} bytes of files added and removed) outweigh the table ({size} bytes)");
            }

            changes.Add((source, delta));
        }

        return new GoldStrategyDecision(changes, "sources changed by appends, updates or deletes only");
    }
}
