using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lakehouse.Lambda.Hosting;
using Lakehouse.Pipelines.Ingestion;
using Lakehouse.Pipelines.Orchestration;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Functions.Ingest;

internal sealed partial class IngestFunction
{
    /// <summary>Folder of the lake bucket holding reports of landing objects that name no pipeline.</summary>
    internal const string UnknownPipelineFolder = "_quarantine/_no_pipeline";

    private async Task IngestPipelineAsync(string pipeline, LandingBatch batch, SummaryBuilder summary, ILambdaContext context, CancellationToken cancellationToken)
    {
        var objects = batch.Objects(pipeline);
        try
        {
            var definition = await _host.Pipelines.GetAsync(pipeline, cancellationToken).ConfigureAwait(false);
            void Attribute(string stage) =>
                _host.Attribution.Set(context.RequestId, pipeline, stage, definition.Owner.Id, definition.Owner.Name ?? string.Empty, definition.Tags);
            Attribute("bronze");
            var service = new IngestionService(_host.Runtime, _landing, _landingBucket, definition);
            var result = await service.IngestAsync(objects, cancellationToken).ConfigureAwait(false);
            summary.Add(pipeline, result);
            var tables = result.Commits.Select(c => c.Table).Concat(result.Skipped.Select(s => s.Table)).Distinct(StringComparer.Ordinal).ToList();
            if (tables.Count == 1)
            {
                Attribute($"bronze/{tables[0]}");
            }

            // Runs for every bronze version this event touched: new commits, and versions of skipped duplicates (so a
            // crash between commit and start is healed by the redelivery; the run id makes the start idempotent).
            var versions = result.Commits.Select(c => (c.Table, c.Version))
                .Concat(result.Skipped.Where(s => s.Version is not null).Select(s => (s.Table, s.Version!.Value)))
                .Distinct()
                .OrderBy(v => v.Table, StringComparer.Ordinal).ThenBy(v => v.Item2);
            foreach (var (table, version) in versions)
            {
                var runId = RunIds.ForBronzeCommit(pipeline, table, version);
                var trigger = new JsonObject { ["type"] = "bronzeCommit", ["table"] = table, ["version"] = version };
                var start = await _orchestrator.StartAsync(PipelinePlanner.Plan(definition, runId, trigger), cancellationToken).ConfigureAwait(false);
                summary.Runs.Add(new RunSummary(pipeline, runId, start.ExecutionId, start.AlreadyStarted));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var errorType = (e as LakehouseException)?.ErrorType ?? e.GetType().Name;
            LogPipelineFailed(_logger, pipeline, objects.Count, errorType, e);
            summary.Fail(new FailureSummary(pipeline, objects.Select(o => o.Key).ToList(), errorType, e.Message), e);
        }
    }

    private async Task QuarantineWithoutPipelineAsync(LandingBatch batch, SummaryBuilder summary, CancellationToken cancellationToken)
    {
        foreach (var (landed, _) in batch.WithoutPipeline)
        {
            // The object stays where it is; the report says why it was not ingested and where it should go.
            var reason = $"The landing key '{landed.Key}' has no pipeline folder; land files as <pipeline>/<source>/<file> (for example retail/orders/2026-11-21.csv).";
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{_landingBucket}/{landed.Key}/{landed.ETag ?? landed.VersionId}")))[..32];
            var reportKey = $"{UnknownPipelineFolder}/{hash}.json";
            var report = new UnknownPipelineReport(_landingBucket, landed.Key, landed.VersionId, landed.ETag, reason, _host.Runtime.Time.GetUtcNow());
            await _host.Runtime.Lake.PutIfAbsentAsync(reportKey, JsonSerializer.SerializeToUtf8Bytes(report, IngestJsonContext.Default.UnknownPipelineReport), cancellationToken).ConfigureAwait(false);
            LogNoPipeline(_logger, landed.Key, reportKey);
            summary.Quarantined.Add(new QuarantineSummary(string.Empty, landed.Key, reason, "Lakehouse.NoPipeline", reportKey));
        }
    }

    [LoggerMessage(EventId = 51, Level = LogLevel.Error, Message = "Ingestion of {Count} object(s) of pipeline {Pipeline} failed ({ErrorType}); they stay in the landing bucket")]
    private static partial void LogPipelineFailed(ILogger logger, string pipeline, int count, string errorType, Exception exception);

    [LoggerMessage(EventId = 52, Level = LogLevel.Warning, Message = "Landing object {Key} names no pipeline; report {ReportKey}")]
    private static partial void LogNoPipeline(ILogger logger, string key, string reportKey);
}
