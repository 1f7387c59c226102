using Lakehouse.Delta;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Delta.Transactions;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Transforms.Rows;

namespace Lakehouse.Pipelines.Transforms.Silver;

/// <summary>
/// One silver update: read the source versions after the table's watermark, apply the plan (filter, select,
/// expectations, dedupe), write per mode (append, SCD1 merge, SCD2) and commit data and the new watermark together.
/// </summary>
internal sealed class SilverRunner(LakehouseRuntime runtime, PipelineDefinition pipeline)
{
    /// <summary>Runs the update; <c>observe</c> receives the outcome as soon as it exists, so a failing step's expectation counts can still be logged.</summary>
    public async Task<StepOutcome> RunAsync(SilverTableDefinition definition, EvaluationContext context, Action<StepOutcome>? observe, CancellationToken ct)
    {
        var outcome = new StepOutcome();
        observe?.Invoke(outcome);
        var sourceLayer = SourceLayer(definition);
        var source = runtime.Table(pipeline.Name, sourceLayer, definition.From.Name);
        if (!await source.ExistsAsync(ct).ConfigureAwait(false))
        {
            outcome.Status = TransformStatus.Skipped;
            outcome.Message = $"source table {source.TableUri} has no commits yet";
            return outcome;
        }

        var sourceSnapshot = await source.GetSnapshotAsync(null, ct).ConfigureAwait(false);
        outcome.SourceVersions[definition.From.Name] = sourceSnapshot.Version;
        var target = runtime.Table(pipeline.Name, MedallionLayer.Silver, definition.Name);
        var targetSnapshot = await target.ExistsAsync(ct).ConfigureAwait(false) ? await target.GetSnapshotAsync(null, ct).ConfigureAwait(false) : null;
        var appId = Watermarks.AppId(pipeline.Name, definition.Name, definition.From.Name);
        var watermark = targetSnapshot?.GetAppTransactionVersion(appId) ?? -1;
        if (watermark >= sourceSnapshot.Version)
        {
            outcome.Status = TransformStatus.Skipped;
            outcome.Message = $"no new versions of {definition.From.Name} after {watermark}";
            return outcome;
        }

        var plan = SilverPlan.Compile(definition, sourceSnapshot.Schema);
        var increment = await SourceIncrementReader.ReadAsync(source, sourceSnapshot, watermark, ct).ConfigureAwait(false);
        var processor = new SilverBatchProcessor(plan, context);
        var rows = await ReadChangesAsync(source, increment, plan, processor, context, ct).ConfigureAwait(false);
        outcome.Expectations = processor.Counts;
        outcome.RowsRead = processor.RowsRead;
        outcome.RowsDropped = processor.RowsDropped;
        outcome.Details["rows_filtered"] = processor.RowsFiltered;
        outcome.Details["source_files_read"] = increment.Files.Count;
        processor.ThrowIfFailed();

        var tx = targetSnapshot is not null
            ? target.StartTransaction(targetSnapshot)
            : target.StartCreateTransaction(plan.TargetSchema, new CreateTableOptions { PartitionColumns = definition.PartitionBy });
        tx.SetTransaction(appId, sourceSnapshot.Version);
        var schema = targetSnapshot is null ? plan.TargetSchema : RowSet.Union(targetSnapshot.Schema, plan.TargetSchema);
        var mapped = MapRows(rows, plan.ProjectedSchema, schema);
        switch (definition.Mode)
        {
            case SilverMode.Append:
                await AppendAsync(tx, definition, schema, mapped, outcome, ct).ConfigureAwait(false);
                break;
            case SilverMode.Merge:
                await MergeAsync(target, tx, definition, schema, mapped, outcome, ct).ConfigureAwait(false);
                break;
            default:
                await Scd2Async(target, tx, definition, schema, mapped, outcome, ct).ConfigureAwait(false);
                break;
        }

        var result = await tx.CommitAsync(ct).ConfigureAwait(false);
        outcome.VersionWritten = result.Version;
        return outcome;
    }

    private MedallionLayer SourceLayer(SilverTableDefinition definition)
    {
        if (pipeline.FindSourceByTable(definition.From.Name) is not null)
        {
            return MedallionLayer.Bronze;
        }

        if (pipeline.FindSilver(definition.From.Name) is not null)
        {
            return MedallionLayer.Silver;
        }

        throw new PipelineDefinitionException(definition.From.Position,
            $"silver table '{definition.Name}' reads from '{definition.From.Name}', which is neither a source's bronze table nor a silver table of pipeline '{pipeline.Name}'.");
    }

    private static async Task<List<ChangeRow>> ReadChangesAsync(
        DeltaTable source, SourceIncrement increment, SilverPlan plan, SilverBatchProcessor processor, EvaluationContext context, CancellationToken ct)
    {
        var rows = new List<ChangeRow>();
        var sequence = plan.Definition.Merge?.SequenceBy ?? plan.Definition.Dedupe?.SequenceBy;
        var sequenceIndex = sequence is null ? -1 : plan.ProjectedSchema.IndexOf(sequence);
        foreach (var file in increment.Files)
        {
            await foreach (var batch in source.ReadFileAsync(increment.Snapshot, file, ct).ConfigureAwait(false))
            {
                var processed = processor.Process(batch);
                if (processed.RowCount == 0)
                {
                    continue;
                }

                var deletes = plan.DeleteWhen is { } deleteWhen ? (BooleanVector)deleteWhen.Evaluate(processed, context) : null;
                var r = 0;
                foreach (var values in RowSet.Read(processed, plan.ProjectedSchema))
                {
                    var isDelete = deletes is not null && !deletes.IsNull(r) && deletes[r];
                    rows.Add(new ChangeRow(values, sequenceIndex < 0 ? null : values[sequenceIndex], isDelete));
                    r++;
                }
            }
        }

        if (plan.Definition.Dedupe is { } dedupe)
        {
            var keys = RowSet.IndexesOf(plan.ProjectedSchema, dedupe.Keys, $"dedupe of '{plan.Definition.Name}'");
            var bySequence = dedupe.SequenceBy is null ? -1 : plan.ProjectedSchema.IndexOf(dedupe.SequenceBy);
            var seqRows = bySequence < 0 || bySequence == sequenceIndex ? rows : rows.Select(c => c with { Sequence = c.Values[bySequence] }).ToList();
            var kept = Deduplicator.Dedupe(seqRows, keys, bySequence >= 0);
            rows = sequenceIndex < 0 || bySequence == sequenceIndex ? kept : kept.Select(c => c with { Sequence = c.Values[sequenceIndex] }).ToList();
        }

        return rows;
    }

    private static List<ChangeRow> MapRows(List<ChangeRow> rows, StructType from, StructType to)
    {
        if (ReferenceEquals(from, to) || from.Equals(to))
        {
            return rows;
        }

        var map = to.Fields.Select(f => from.IndexOf(f.Name)).ToArray();
        return rows.Select(c =>
        {
            var values = new object?[map.Length];
            for (var i = 0; i < map.Length; i++)
            {
                values[i] = map[i] < 0 ? null : c.Values[map[i]];
            }

            return c with { Values = values };
        }).ToList();
    }

    private static async Task AppendAsync(DeltaTransaction tx, SilverTableDefinition definition, StructType schema, List<ChangeRow> rows, StepOutcome outcome, CancellationToken ct)
    {
        tx.WithOperationParameter("mode", "Append").WithOperationParameter("table", definition.Name);
        var values = rows.Where(r => !r.IsDelete).Select(r => r.Values).ToList();
        outcome.RowsWritten = values.Count;
        if (values.Count > 0)
        {
            await tx.WriteAsync(RowSet.ToBatch(schema, values), new WriteOptions { MergeSchema = true }, ct).ConfigureAwait(false);
        }
    }

    private static async Task MergeAsync(DeltaTable target, DeltaTransaction tx, SilverTableDefinition definition, StructType schema, List<ChangeRow> rows, StepOutcome outcome, CancellationToken ct)
    {
        var merge = definition.Merge!;
        tx.Operation = DeltaOperation.Merge;
        tx.WithOperationParameter("predicate", string.Join(" AND ", merge.Keys.Select(k => $"target.{k} = source.{k}")));
        var keys = RowSet.IndexesOf(schema, merge.Keys, $"merge of '{definition.Name}'");
        var latest = Deduplicator.Dedupe(rows, keys, hasSequence: true);
        var changes = latest.ToDictionary(c => RowKey.Of(c.Values, keys));
        var resolver = new Scd1Resolver(changes, schema.IndexOf(merge.SequenceBy));
        var stats = await KeyedRewriter.RewriteAsync(target, tx, schema, keys, changes.Keys, resolver.Resolve, ct).ConfigureAwait(false);
        outcome.RowsWritten = resolver.Inserted + resolver.Updated;
        outcome.Details["keys_inserted"] = resolver.Inserted;
        outcome.Details["keys_updated"] = resolver.Updated;
        outcome.Details["keys_deleted"] = resolver.Deleted;
        outcome.Details["changes_ignored"] = resolver.Ignored;
        Report(stats, outcome);
    }

    private static async Task Scd2Async(DeltaTable target, DeltaTransaction tx, SilverTableDefinition definition, StructType schema, List<ChangeRow> rows, StepOutcome outcome, CancellationToken ct)
    {
        var merge = definition.Merge!;
        tx.Operation = DeltaOperation.Merge;
        tx.WithOperationParameter("predicate", "scd2 " + string.Join(", ", merge.Keys));
        var keys = RowSet.IndexesOf(schema, merge.Keys, $"merge of '{definition.Name}'");
        var changes = new Dictionary<RowKey, List<ChangeRow>>();
        foreach (var row in rows)
        {
            var key = RowKey.Of(row.Values, keys);
            if (!changes.TryGetValue(key, out var list))
            {
                changes[key] = list = [];
            }

            list.Add(row);
        }

        var resolver = new Scd2Resolver(changes, schema.IndexOf(SilverPlan.StartAt), schema.IndexOf(SilverPlan.EndAt));
        var stats = await KeyedRewriter.RewriteAsync(target, tx, schema, keys, changes.Keys, resolver.Resolve, ct).ConfigureAwait(false);
        outcome.RowsWritten = resolver.VersionsAdded;
        outcome.Details["versions_added"] = resolver.VersionsAdded;
        outcome.Details["keys_deleted"] = resolver.Deleted;
        outcome.Details["changes_ignored"] = resolver.Ignored;
        Report(stats, outcome);
    }

    private static void Report(RewriteStats stats, StepOutcome outcome)
    {
        outcome.Details["files_pruned"] = stats.FilesPruned;
        outcome.Details["files_read"] = stats.FilesRead;
        outcome.Details["files_rewritten"] = stats.FilesRewritten;
        outcome.Details["rows_carried"] = stats.RowsCarried;
    }
}
