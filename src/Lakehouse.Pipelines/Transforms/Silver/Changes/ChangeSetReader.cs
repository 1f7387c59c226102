using Lakehouse.Delta;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Transforms.Rows;

namespace Lakehouse.Pipelines.Transforms.Silver.Changes;

/// <summary>
/// Reads a source increment into a <see cref="ChangeSet"/>: each batch goes through the plan (filter, projection,
/// expectations), deleteWhen is evaluated, and the dedupe section (if any) keeps one row per dedupe key.
/// </summary>
internal static class ChangeSetReader
{
    public static async Task<ChangeSet> ReadAsync(
        DeltaTable source, SourceIncrement increment, SilverPlan plan, SilverBatchProcessor processor, EvaluationContext context, CancellationToken ct)
    {
        var batches = new List<RecordBatch>();
        var deletes = new List<bool[]?>();
        var rows = new List<RowRef>();
        foreach (var file in increment.Files)
        {
            await foreach (var batch in source.ReadFileAsync(increment.Snapshot, file, ct).ConfigureAwait(false))
            {
                var processed = processor.Process(batch);
                if (processed.RowCount == 0)
                {
                    continue;
                }

                var index = batches.Count;
                batches.Add(processed);
                deletes.Add(plan.DeleteWhen is { } deleteWhen ? DeleteFlags((BooleanVector)deleteWhen.Evaluate(processed, context)) : null);
                for (var r = 0; r < processed.RowCount; r++)
                {
                    rows.Add(new RowRef(index, r));
                }
            }
        }

        var changes = new ChangeSet(plan.ProjectedSchema, batches, deletes, [.. rows]);
        if (plan.Definition.Dedupe is not { } dedupe)
        {
            return changes;
        }

        var selected = KeyedSelection.Select(changes, changes.Rows, dedupe.Keys, dedupe.SequenceBy);
        return new ChangeSet(changes.Schema, batches, deletes, selected.InInputOrder(changes.Rows));
    }

    private static bool[]? DeleteFlags(BooleanVector flags)
    {
        bool[]? result = null;
        for (var r = 0; r < flags.Count; r++)
        {
            if (!flags.IsNull(r) && flags[r])
            {
                result ??= new bool[flags.Count];
                result[r] = true;
            }
        }

        return result;
    }
}
