using Lakehouse.Delta;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Schema;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Delta.Transactions;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Aggregation;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Transforms.Rows;

namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>
/// One gold update. The table records the version of every source it consumed (txn appIds, as silver does); when no
/// source moved it is skipped. Otherwise <see cref="GoldStrategy"/> picks an incremental update (recompute only the
/// groups whose source rows changed and replace exactly those groups' files) or a full recompute, and the outcome
/// says which ran and why. A full recompute in overwrite mode replaces the contents in one commit; in merge mode it
/// compares the recomputed groups with the stored ones and rewrites only the files holding changed or vanished groups.
/// Either way the new watermarks are committed with the data.
/// </summary>
internal sealed class GoldRunner(LakehouseRuntime runtime, PipelineDefinition pipeline, GoldIncrementalPolicy? policy = null)
{
    private readonly GoldIncrementalPolicy _policy = policy ?? GoldIncrementalPolicy.Default;

    public async Task<StepOutcome> RunAsync(GoldTableDefinition definition, EvaluationContext context, CancellationToken ct)
    {
        var outcome = new StepOutcome();
        var target = runtime.Table(pipeline.Name, MedallionLayer.Gold, definition.Name);
        var targetSnapshot = await target.ExistsAsync(ct).ConfigureAwait(false) ? await target.GetSnapshotAsync(null, ct).ConfigureAwait(false) : null;
        var sources = new List<GoldSource>();
        var changed = false;
        foreach (var reference in definition.From)
        {
            var layer = pipeline.FindSilver(reference.Name) is not null ? MedallionLayer.Silver
                : pipeline.FindSourceByTable(reference.Name) is not null ? MedallionLayer.Bronze
                : throw new PipelineDefinitionException(reference.Position, $"gold table '{definition.Name}' reads from '{reference.Name}', which is not a table of pipeline '{pipeline.Name}'.");
            var table = runtime.Table(pipeline.Name, layer, reference.Name);
            if (!await table.ExistsAsync(ct).ConfigureAwait(false))
            {
                outcome.Status = TransformStatus.Skipped;
                outcome.Message = $"source table {table.TableUri} has no commits yet";
                return outcome;
            }

            var snapshot = await table.GetSnapshotAsync(null, ct).ConfigureAwait(false);
            outcome.SourceVersions[reference.Name] = snapshot.Version;
            var seen = targetSnapshot?.GetAppTransactionVersion(Watermarks.AppId(pipeline.Name, definition.Name, reference.Name));
            changed |= seen != snapshot.Version;
            sources.Add(new GoldSource(reference, table, snapshot, seen, GoldPlan.Compile(definition, reference, snapshot.Schema)));
        }

        if (!changed)
        {
            outcome.Status = TransformStatus.Skipped;
            outcome.Message = "no source changed since the last update";
            return outcome;
        }

        var fingerprint = GoldDefinitionFingerprint.Of(definition);
        var decision = await GoldStrategy.DecideAsync(pipeline.Name, definition, target, targetSnapshot, sources, fingerprint, _policy, ct).ConfigureAwait(false);
        if (decision.Changes is { } changes && targetSnapshot is not null)
        {
            var fallback = await TryIncrementalAsync(definition, target, targetSnapshot, sources, changes, context, outcome, ct).ConfigureAwait(false);
            if (fallback is null)
            {
                return outcome;
            }

            decision = GoldStrategyDecision.Full(fallback);
            ResetCounters(outcome);
        }

        outcome.Strategy = GoldStrategyDecision.FullStrategy;
        outcome.Message = $"full recompute: {decision.Reason}";
        await RunFullAsync(definition, target, targetSnapshot, sources, fingerprint, context, outcome, ct).ConfigureAwait(false);
        return outcome;
    }

    /// <returns>Null when the update was committed incrementally, otherwise why it must fall back to a full recompute.</returns>
    private async Task<string?> TryIncrementalAsync(
        GoldTableDefinition definition, DeltaTable target, Snapshot targetSnapshot, List<GoldSource> sources,
        IReadOnlyList<(GoldSource Source, SourceChanges Changes)> changes, EvaluationContext context, StepOutcome outcome, CancellationToken ct)
    {
        var update = new GoldIncrementalUpdate(_policy, context, outcome);
        var goldGroups = targetSnapshot.Files.Sum(f => f.Stats?.NumRecords ?? 0);
        var fold = AppendFold.Applies(definition, changes);
        var (affected, fallback) = await update.FindAffectedAsync(changes, goldGroups, fold, ct).ConfigureAwait(false);
        if (affected is null)
        {
            return fallback;
        }

        var schema = targetSnapshot.Schema;
        var keyCount = definition.GroupBy.Count;
        var tx = target.StartTransaction(targetSnapshot);
        tx.Operation = DeltaOperation.Merge;
        tx.WithOperationParameter("strategy", GoldStrategyDecision.IncrementalStrategy);
        SetWatermarks(tx, definition, sources);
        if (affected.Count > 0)
        {
            // Append-only with count/sum/min/max: fold the new rows into the stored groups; otherwise recompute them.
            var fresh = update.Added ?? await update.RecomputeAsync(sources, affected, schema, keyCount, ct).ConfigureAwait(false);
            outcome.Details["folded"] = update.Added is null ? 0 : 1;
            var stats = await KeyedRewriter.RewriteAsync(target, tx, schema, Enumerable.Range(0, keyCount).ToArray(), affected,
                (key, stored) => !fresh.TryGetValue(key, out var row) ? []
                    : update.Added is not null && stored.Count > 0 ? [AppendFold.Combine(definition, stored[0], row)]
                    : [row], ct).ConfigureAwait(false);
            outcome.RowsWritten = fresh.Count;
            outcome.Details["groups_removed"] = affected.Count(k => !fresh.ContainsKey(k));
            outcome.Details["files_rewritten"] = stats.FilesRewritten;
            outcome.Details["files_pruned"] = stats.FilesPruned;
            outcome.Details["rows_carried"] = stats.RowsCarried;
        }

        outcome.Strategy = GoldStrategyDecision.IncrementalStrategy;
        outcome.Message = $"incremental{(update.Added is null ? string.Empty : " (append fold)")}: {affected.Count} group(s) affected by {outcome.Details.GetValueOrDefault("source_rows_changed")} changed source row(s)";
        var commit = await tx.CommitAsync(ct).ConfigureAwait(false);
        outcome.VersionWritten = commit.Version;
        return null;
    }

    private async Task RunFullAsync(
        GoldTableDefinition definition, DeltaTable target, Snapshot? targetSnapshot, List<GoldSource> sources, string fingerprint,
        EvaluationContext context, StepOutcome outcome, CancellationToken ct)
    {
        var result = await AggregateAsync(sources, context, outcome, ct).ConfigureAwait(false);
        var configuration = new Dictionary<string, string>(targetSnapshot?.Configuration ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [GoldDefinitionFingerprint.PropertyName] = fingerprint,
        };
        var tx = targetSnapshot is not null
            ? target.StartTransaction(targetSnapshot)
            : target.StartCreateTransaction(result.Schema, new CreateTableOptions { Configuration = configuration });
        tx.WithOperationParameter("strategy", GoldStrategyDecision.FullStrategy);
        SetWatermarks(tx, definition, sources);
        if (targetSnapshot is not null && (!targetSnapshot.Schema.Equals(result.Schema) || targetSnapshot.Metadata.GetConfiguration(GoldDefinitionFingerprint.PropertyName) != fingerprint))
        {
            // The aggregation's definition changed: replace the schema (if it changed) and the fingerprint with the contents.
            tx.UpdateMetadata(targetSnapshot.Metadata with { SchemaString = SchemaJson.Serialize(result.Schema), Configuration = configuration });
            await OverwriteAsync(tx, result, definition.GroupBy.Count, outcome, ct).ConfigureAwait(false);
        }
        else if (definition.Mode == GoldMode.Merge && targetSnapshot is not null)
        {
            await MergeAsync(target, tx, definition, result, outcome, ct).ConfigureAwait(false);
        }
        else
        {
            await OverwriteAsync(tx, result, definition.GroupBy.Count, outcome, ct).ConfigureAwait(false);
        }

        var commit = await tx.CommitAsync(ct).ConfigureAwait(false);
        outcome.VersionWritten = commit.Version;
    }

    private void SetWatermarks(DeltaTransaction tx, GoldTableDefinition definition, List<GoldSource> sources)
    {
        foreach (var source in sources)
        {
            tx.SetTransaction(Watermarks.AppId(pipeline.Name, definition.Name, source.Reference.Name), source.Snapshot.Version);
        }
    }

    private static void ResetCounters(StepOutcome outcome)
    {
        outcome.RowsRead = 0;
        outcome.RowsWritten = 0;
        outcome.RowsDropped = 0;
        outcome.Details.Clear();
    }

    private static async Task<RecordBatch> AggregateAsync(List<GoldSource> sources, EvaluationContext context, StepOutcome outcome, CancellationToken ct)
    {
        HashAggregator? total = null;
        foreach (var source in sources)
        {
            var aggregator = await ParallelAggregation.RunAsync(source, context, outcome, ct).ConfigureAwait(false);
            if (total is null)
            {
                total = aggregator;
            }
            else
            {
                total.Merge(aggregator);
            }
        }

        return total!.Finish();
    }

    private async Task OverwriteAsync(DeltaTransaction tx, RecordBatch result, int keyCount, StepOutcome outcome, CancellationToken ct)
    {
        tx.WithOperationParameter("mode", "Overwrite");
        tx.RemoveWhere(PartitionPredicate.All);
        foreach (var file in GoldFileLayout.Split(result, keyCount, _policy.GroupsPerFile))
        {
            await tx.WriteAsync(file, WriteOptions.Default, ct).ConfigureAwait(false);
        }

        outcome.RowsWritten = result.RowCount;
        outcome.Details["groups"] = result.RowCount;
    }

    private static async Task MergeAsync(DeltaTable target, DeltaTransaction tx, GoldTableDefinition definition, RecordBatch result, StepOutcome outcome, CancellationToken ct)
    {
        tx.Operation = DeltaOperation.Merge;
        var schema = result.Schema;
        var keys = Enumerable.Range(0, definition.GroupBy.Count).ToArray();
        var fresh = new Dictionary<RowKey, object?[]>();
        foreach (var row in RowSet.Read(result, schema))
        {
            fresh[RowKey.Of(row, keys)] = row;
        }

        var stored = new Dictionary<RowKey, object?[]>();
        await foreach (var batch in target.ReadAsync(tx.Snapshot!, null, ct).ConfigureAwait(false))
        {
            foreach (var row in RowSet.Read(batch, schema))
            {
                stored[RowKey.Of(row, keys)] = row;
            }
        }

        var affected = fresh.Where(kv => !stored.TryGetValue(kv.Key, out var old) || !SameRow(old, kv.Value)).Select(kv => kv.Key)
            .Concat(stored.Keys.Where(k => !fresh.ContainsKey(k))).ToList();
        outcome.Details["groups"] = fresh.Count;
        outcome.Details["groups_changed"] = affected.Count;
        if (affected.Count == 0)
        {
            return;
        }

        var stats = await KeyedRewriter.RewriteAsync(target, tx, schema, keys, affected,
            (key, _) => fresh.TryGetValue(key, out var row) ? [row] : [], ct).ConfigureAwait(false);
        outcome.RowsWritten = affected.Count(fresh.ContainsKey);
        outcome.Details["files_rewritten"] = stats.FilesRewritten;
        outcome.Details["rows_carried"] = stats.RowsCarried;
    }

    private static bool SameRow(object?[] a, object?[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (!ValueComparer.Instance.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
