using Lakehouse.Delta;
using Lakehouse.Delta.Snapshots;
using Lakehouse.Delta.Transactions;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Expressions;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Transforms.Rows;
using Lakehouse.Pipelines.Transforms.Silver.Changes;

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
        var changes = await ChangeSetReader.ReadAsync(source, increment, plan, processor, context, ct).ConfigureAwait(false);
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
        var step = new SilverWrite(runtime, pipeline.Name, definition, target, tx, schema, changes, outcome)
        {
            Watermark = watermark,
            SourceVersion = sourceSnapshot.Version,
            SourceCommittedAt = sourceSnapshot.Timestamp,
            AppId = appId,
        };
        await step.RunAsync(ct).ConfigureAwait(false);

        // The tombstones (if any) were committed by step.RunAsync before this commit; see TombstoneTable for why that order.
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
}
