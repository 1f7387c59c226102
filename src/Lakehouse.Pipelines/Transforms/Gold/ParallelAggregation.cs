using System.Collections.Concurrent;
using Lakehouse.Pipelines.Aggregation;
using Lakehouse.Pipelines.Expressions;

namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>
/// Aggregates a set of source files on several workers: each worker reads whole files into its own partial
/// aggregator (no locks on the hot path), and the partials are merged at the end. Used by the full recompute, whose
/// cost is dominated by reading and grouping every source row; with one file or one core it runs inline.
/// </summary>
internal static class ParallelAggregation
{
    /// <summary>Folds every live file of <paramref name="source"/>, through the gold filter, into its plan's aggregator.</summary>
    public static async Task<HashAggregator> RunAsync(GoldSource source, EvaluationContext context, StepOutcome outcome, CancellationToken ct)
    {
        var files = source.Snapshot.Files;
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, files.Count));
        var idle = new ConcurrentBag<GoldPlan>([source.Plan]);
        var plans = new ConcurrentBag<GoldPlan>([source.Plan]);
        long read = 0, dropped = 0;
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct }, async (file, token) =>
        {
            if (!idle.TryTake(out var plan))
            {
                plan = source.Plan.Fork();
                plans.Add(plan);
            }

            await foreach (var batch in source.Table.ReadFileAsync(source.Snapshot, file, plan.Columns, token).ConfigureAwait(false))
            {
                Interlocked.Add(ref read, batch.RowCount);
                var rows = plan.Filter is { } filter ? filter.Apply(batch, context) : batch;
                Interlocked.Add(ref dropped, batch.RowCount - rows.RowCount);
                plan.Aggregator.Add(rows, context);
            }

            idle.Add(plan);
        }).ConfigureAwait(false);

        outcome.RowsRead += read;
        outcome.RowsDropped += dropped;
        foreach (var plan in plans)
        {
            if (!ReferenceEquals(plan, source.Plan))
            {
                source.Plan.Aggregator.Merge(plan.Aggregator);
            }
        }

        return source.Plan.Aggregator;
    }
}
