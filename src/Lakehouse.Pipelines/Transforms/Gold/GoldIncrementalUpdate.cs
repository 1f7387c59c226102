using Lakehouse.Delta.Storage;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Aggregation;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Transforms.Rows;

namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>
/// The two data phases of an incremental gold update. <see cref="FindAffectedAsync"/> reads the rows of the source
/// files removed and added since the watermarks, through the gold filter, and keeps the groups whose input multiset
/// changed (<see cref="GroupChangeTracker"/>). <see cref="RecomputeAsync"/> then recomputes exactly those groups from
/// the sources' current snapshots, reading only files whose key statistics may hold one of them. Groups are recomputed
/// rather than patched with the deltas because count_distinct, min, max (and avg, through its count) cannot be updated
/// from changed rows alone: removing a row's value says nothing about the remaining distinct values or the new extreme.
/// </summary>
internal sealed class GoldIncrementalUpdate(GoldIncrementalPolicy policy, EvaluationContext context, StepOutcome outcome)
{
    /// <summary>With <c>fold</c>, the aggregate of the added rows per affected group (see <see cref="AppendFold"/>).</summary>
    public Dictionary<RowKey, object?[]>? Added { get; private set; }

    /// <summary>
    /// Reads the changed files of every source; with <paramref name="fold"/> (append-only changes, foldable aggregates)
    /// also aggregates the added rows into <see cref="Added"/>.
    /// </summary>
    /// <returns>The affected group keys, or why the update should fall back to a full recompute.</returns>
    public async Task<(HashSet<RowKey>? Affected, string? Fallback)> FindAffectedAsync(
        IReadOnlyList<(GoldSource Source, SourceChanges Changes)> changes, long goldGroups, bool fold, CancellationToken ct)
    {
        var affected = new HashSet<RowKey>();
        long changedRows = 0;
        HashAggregator? added = null;
        foreach (var (source, delta) in changes)
        {
            var tracker = new GroupChangeTracker(source.Plan.Aggregator);
            var addedHere = fold ? source.Plan.Fork().Aggregator : null;
            try
            {
                foreach (var (files, removed) in new[] { (delta.Removed, true), (delta.Added, false) })
                {
                    foreach (var file in files)
                    {
                        outcome.Details["change_files_read"] = outcome.Details.GetValueOrDefault("change_files_read") + 1;
                        await foreach (var batch in delta.Table.ReadFileAsync(delta.Snapshot, file, source.Plan.Columns, ct).ConfigureAwait(false))
                        {
                            outcome.RowsRead += batch.RowCount;
                            var rows = source.Plan.Filter is { } filter ? filter.Apply(batch, context) : batch;
                            tracker.Add(rows, context, removed);
                            addedHere?.Add(rows, context);
                        }
                    }
                }
            }
            catch (ObjectNotFoundException e)
            {
                return (null, $"a data file {delta.Table.TableUri} added or removed after version {delta.Watermark} is gone ({e.Message})");
            }

            if (addedHere is not null)
            {
                if (added is null)
                {
                    added = addedHere;
                }
                else
                {
                    added.Merge(addedHere);
                }
            }

            changedRows += tracker.Rows;
            var (keys, count) = tracker.AffectedKeys();
            for (var i = 0; i < count; i++)
            {
                var values = new object?[keys.Count];
                for (var k = 0; k < values.Length; k++)
                {
                    values[k] = keys[k].GetValue(i);
                }

                affected.Add(new RowKey(values));
            }
        }

        outcome.Details["source_rows_changed"] = changedRows;
        outcome.Details["groups_affected"] = affected.Count;
        if (affected.Count > policy.AffectedFloor && affected.Count > policy.MaxAffectedFraction * goldGroups)
        {
            return (null, $"{affected.Count} of about {goldGroups} groups are affected (more than {policy.MaxAffectedFraction:P0})");
        }

        if (added is not null)
        {
            Added = ByKey(added.Finish(), added.OutputSchema, affected.Count == 0 ? 0 : affected.First().Values.Count);
        }

        return (affected, null);
    }

    private static Dictionary<RowKey, object?[]> ByKey(RecordBatch rows, StructType schema, int keyCount)
    {
        var byKey = new Dictionary<RowKey, object?[]>();
        var keyIndexes = Enumerable.Range(0, keyCount).ToArray();
        foreach (var row in RowSet.Read(rows, schema))
        {
            byKey[RowKey.Of(row, keyIndexes)] = row;
        }

        return byKey;
    }

    /// <summary>The affected groups' rows recomputed from the sources' current snapshots; a group without rows now is absent.</summary>
    public async Task<Dictionary<RowKey, object?[]>> RecomputeAsync(
        IReadOnlyList<GoldSource> sources, IReadOnlyCollection<RowKey> affected, StructType schema, int keyCount, CancellationToken ct)
    {
        HashAggregator? total = null;
        long filesRead = 0, filesPruned = 0;
        foreach (var source in sources)
        {
            var plan = source.Plan;
            var keyVectors = new ColumnVector[keyCount];
            var pruners = new List<KeyRangePruner>();
            for (var k = 0; k < keyCount; k++)
            {
                keyVectors[k] = ColumnVector.Create(schema.Fields[k].Type, Math.Max(1, affected.Count));
                foreach (var key in affected)
                {
                    keyVectors[k].AppendValue(key.Values[k]);
                }

                if (plan.KeySourceColumns[k] is { } column)
                {
                    pruners.Add(KeyRangePruner.ForValues(column, schema.Fields[k].Type, affected.Select(a => a.Values[k])));
                }
            }

            var wanted = new GroupKeyFilter(plan.Aggregator, keyVectors);
            foreach (var file in source.Snapshot.Files)
            {
                if (!KeyRangePruner.MayContainAll(pruners, file))
                {
                    filesPruned++;
                    continue;
                }

                filesRead++;
                await foreach (var batch in source.Table.ReadFileAsync(source.Snapshot, file, plan.Columns, ct).ConfigureAwait(false))
                {
                    outcome.RowsRead += batch.RowCount;
                    var rows = plan.Filter is { } filter ? filter.Apply(batch, context) : batch;
                    plan.Aggregator.Add(wanted.Apply(rows, context), context);
                }
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

        outcome.Details["source_files_read"] = filesRead;
        outcome.Details["source_files_pruned"] = filesPruned;
        return ByKey(total!.Finish(), schema, keyCount);
    }
}
