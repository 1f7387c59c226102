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
/// source moved it is skipped. Otherwise the aggregate is recomputed from the sources' current snapshots (a full
/// recompute: count_distinct, min and max cannot be maintained from changed rows alone, and silver merges rewrite rows).
/// overwrite replaces the table's contents in one commit; merge compares the recomputed groups with the stored ones and
/// rewrites only the files holding groups whose values changed or vanished, appending new groups, so unchanged groups'
/// files are left as they are.
/// </summary>
internal sealed class GoldRunner(LakehouseRuntime runtime, PipelineDefinition pipeline)
{
    public async Task<StepOutcome> RunAsync(GoldTableDefinition definition, EvaluationContext context, CancellationToken ct)
    {
        var outcome = new StepOutcome();
        var target = runtime.Table(pipeline.Name, MedallionLayer.Gold, definition.Name);
        var targetSnapshot = await target.ExistsAsync(ct).ConfigureAwait(false) ? await target.GetSnapshotAsync(null, ct).ConfigureAwait(false) : null;
        var sources = new List<(TableReference Reference, DeltaTable Table, Snapshot Snapshot)>();
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
            sources.Add((reference, table, snapshot));
        }

        if (!changed)
        {
            outcome.Status = TransformStatus.Skipped;
            outcome.Message = "no source changed since the last update";
            return outcome;
        }

        var result = await AggregateAsync(definition, sources, context, outcome, ct).ConfigureAwait(false);
        var tx = targetSnapshot is not null
            ? target.StartTransaction(targetSnapshot)
            : target.StartCreateTransaction(result.Schema, new CreateTableOptions());
        foreach (var (reference, _, snapshot) in sources)
        {
            tx.SetTransaction(Watermarks.AppId(pipeline.Name, definition.Name, reference.Name), snapshot.Version);
        }

        if (targetSnapshot is not null && !targetSnapshot.Schema.Equals(result.Schema))
        {
            // The aggregation's definition changed: replace the schema along with the contents.
            tx.UpdateMetadata(targetSnapshot.Metadata with { SchemaString = SchemaJson.Serialize(result.Schema) });
            await OverwriteAsync(tx, result, outcome, ct).ConfigureAwait(false);
        }
        else if (definition.Mode == GoldMode.Merge && targetSnapshot is not null)
        {
            await MergeAsync(target, tx, definition, result, outcome, ct).ConfigureAwait(false);
        }
        else
        {
            await OverwriteAsync(tx, result, outcome, ct).ConfigureAwait(false);
        }

        var commit = await tx.CommitAsync(ct).ConfigureAwait(false);
        outcome.VersionWritten = commit.Version;
        return outcome;
    }

    private static async Task<RecordBatch> AggregateAsync(
        GoldTableDefinition definition, List<(TableReference Reference, DeltaTable Table, Snapshot Snapshot)> sources, EvaluationContext context, StepOutcome outcome, CancellationToken ct)
    {
        HashAggregator? total = null;
        foreach (var (reference, table, snapshot) in sources)
        {
            var plan = GoldPlan.Compile(definition, reference, snapshot.Schema);
            await foreach (var batch in table.ReadAsync(snapshot, null, ct).ConfigureAwait(false))
            {
                outcome.RowsRead += batch.RowCount;
                var rows = plan.Filter is { } filter ? filter.Apply(batch, context) : batch;
                outcome.RowsDropped += batch.RowCount - rows.RowCount;
                plan.Aggregator.Add(rows, context);
            }

            if (total is null)
            {
                total = plan.Aggregator;
            }
            else
            {
                total.Merge(plan.Aggregator);
            }
        }

        return total!.Finish();
    }

    private static async Task OverwriteAsync(DeltaTransaction tx, RecordBatch result, StepOutcome outcome, CancellationToken ct)
    {
        tx.WithOperationParameter("mode", "Overwrite");
        tx.RemoveWhere(PartitionPredicate.All);
        await tx.WriteAsync(result, WriteOptions.Default, ct).ConfigureAwait(false);
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
