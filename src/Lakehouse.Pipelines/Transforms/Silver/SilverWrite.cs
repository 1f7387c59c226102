using Lakehouse.Delta;
using Lakehouse.Delta.Transactions;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Transforms.Rows;
using Lakehouse.Pipelines.Transforms.Silver.Changes;
using Lakehouse.Pipelines.Transforms.Silver.Merge;
using Lakehouse.Pipelines.Transforms.Silver.Tombstones;

namespace Lakehouse.Pipelines.Transforms.Silver;

/// <summary>
/// The write half of a silver step: stages the change set in the silver transaction per mode (append, SCD1 merge,
/// SCD2) and, for merge and scd2, commits the deletes' tombstones to the table's <see cref="TombstoneTable"/>. The
/// caller commits the silver transaction afterwards (tombstones first, so a crash in between loses none).
/// </summary>
internal sealed class SilverWrite(
    LakehouseRuntime runtime, string pipeline, SilverTableDefinition definition, DeltaTable target, DeltaTransaction tx,
    StructType schema, ChangeSet changes, StepOutcome outcome)
{
    private static readonly WriteOptions Options = new() { MergeSchema = true };

    /// <summary>The silver table's watermark for its source when the step read it (-1 when the table is new).</summary>
    public required long Watermark { get; init; }

    /// <summary>The source version being applied (the new watermark).</summary>
    public required long SourceVersion { get; init; }

    /// <summary>When <see cref="SourceVersion"/> was committed: the clock of tombstone stamping and expiry.</summary>
    public required DateTimeOffset SourceCommittedAt { get; init; }

    public required string AppId { get; init; }

    public async Task RunAsync(CancellationToken ct)
    {
        switch (definition.Mode)
        {
            case SilverMode.Append:
                await AppendAsync(ct).ConfigureAwait(false);
                break;
            case SilverMode.Merge:
                await MergeAsync(ct).ConfigureAwait(false);
                break;
            default:
                await Scd2Async(ct).ConfigureAwait(false);
                break;
        }
    }

    private async Task AppendAsync(CancellationToken ct)
    {
        tx.WithOperationParameter("mode", "Append").WithOperationParameter("table", definition.Name);
        var rows = changes.Rows.Where(r => !changes.IsDelete(r)).ToArray();
        outcome.RowsWritten = rows.Length;
        if (rows.Length > 0)
        {
            await tx.WriteAsync(RowGather.Gather(schema, changes.Batches, rows), Options, ct).ConfigureAwait(false);
        }
    }

    private async Task MergeAsync(CancellationToken ct)
    {
        var merge = definition.Merge!;
        tx.Operation = DeltaOperation.Merge;
        tx.WithOperationParameter("predicate", string.Join(" AND ", merge.Keys.Select(k => $"target.{k} = source.{k}")));
        var tombstones = new TombstoneTable(runtime, pipeline, definition.Name, merge, schema);
        var merger = new Scd1Merger(target, tx, schema, merge, changes);
        var result = await merger.MergeAsync(() => tombstones.ReadEffectiveAsync(Watermark, SourceCommittedAt, merger.MayHoldChangedKey, ct), ct).ConfigureAwait(false);
        var stamped = result.Tombstones is { } deletes ? tombstones.Stamp(deletes, SourceVersion, SourceCommittedAt) : null;
        outcome.Details["tombstones_written"] = await CommitTombstonesAsync(tombstones, stamped, ct).ConfigureAwait(false);
        outcome.RowsWritten = result.Inserted + result.Updated;
        outcome.Details["keys_inserted"] = result.Inserted;
        outcome.Details["keys_updated"] = result.Updated;
        outcome.Details["keys_deleted"] = result.Deleted;
        outcome.Details["changes_ignored"] = result.Ignored;
        outcome.Details["files_skipped_by_key_probe"] = result.FilesSkippedByKeyProbe;
        Report(result.Files);
    }

    private async Task Scd2Async(CancellationToken ct)
    {
        var merge = definition.Merge!;
        tx.Operation = DeltaOperation.Merge;
        tx.WithOperationParameter("predicate", "scd2 " + string.Join(", ", merge.Keys));
        var keys = RowSet.IndexesOf(schema, merge.Keys, $"merge of '{definition.Name}'");
        var sequenceIndex = schema.IndexOf(merge.SequenceBy);
        var byKey = new Dictionary<RowKey, List<ChangeRow>>();
        foreach (var row in changes.Rows)
        {
            var values = RowSet.ReadRow(changes.Batches[row.Batch], schema, row.Row);
            var key = RowKey.Of(values, keys);
            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
            }

            list.Add(new ChangeRow(values, values[sequenceIndex], changes.IsDelete(row)));
        }

        var tombstones = new TombstoneTable(runtime, pipeline, definition.Name, merge, schema);
        var known = new Dictionary<RowKey, List<object>>();
        await foreach (var batch in tombstones.ReadEffectiveAsync(Watermark, SourceCommittedAt, _ => true, ct).ConfigureAwait(false))
        {
            foreach (var values in RowSet.Read(batch, tombstones.Schema))
            {
                var key = RowKey.Of(values, [.. Enumerable.Range(0, merge.Keys.Count)]);
                if (byKey.ContainsKey(key) && values[merge.Keys.Count] is { } sequence)
                {
                    (known.TryGetValue(key, out var list) ? list : known[key] = []).Add(sequence);
                }
            }
        }

        var resolver = new Scd2Resolver(byKey, known, schema.IndexOf(SilverPlan.StartAt), schema.IndexOf(SilverPlan.EndAt));
        var stats = await KeyedRewriter.RewriteAsync(target, tx, schema, keys, byKey.Keys, resolver.Resolve, ct).ConfigureAwait(false);
        RecordBatch? stamped = null;
        if (resolver.AppliedDeletes.Count > 0)
        {
            var rows = resolver.AppliedDeletes.Select(d => (object?[])[.. d.Key.Values, d.Sequence, SourceCommittedAt.UtcDateTime, SourceVersion]).ToList();
            stamped = RowSet.ToBatch(tombstones.Schema, rows);
        }

        outcome.Details["tombstones_written"] = await CommitTombstonesAsync(tombstones, stamped, ct).ConfigureAwait(false);
        outcome.RowsWritten = resolver.VersionsAdded;
        outcome.Details["versions_added"] = resolver.VersionsAdded;
        outcome.Details["keys_deleted"] = resolver.Deleted;
        outcome.Details["changes_ignored"] = resolver.Ignored;
        Report(stats);
    }

    private Task<long> CommitTombstonesAsync(TombstoneTable tombstones, RecordBatch? stamped, CancellationToken ct) =>
        tombstones.CommitAsync(stamped, AppId, SourceVersion, SourceCommittedAt, reset: tx.Snapshot is null, ct);

    private void Report(RewriteStats stats)
    {
        outcome.Details["files_pruned"] = stats.FilesPruned;
        outcome.Details["files_read"] = stats.FilesRead;
        outcome.Details["files_rewritten"] = stats.FilesRewritten;
        outcome.Details["rows_carried"] = stats.RowsCarried;
    }
}
