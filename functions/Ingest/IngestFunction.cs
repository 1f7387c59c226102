using System.Text.Json;
using Lakehouse.Delta.Storage;
using Lakehouse.Functions.Aws;
using Lakehouse.Lambda.Events;
using Lakehouse.Lambda.Events.S3;
using Lakehouse.Lambda.Events.Sqs;
using Lakehouse.Lambda.Hosting;
using Lakehouse.Pipelines.Ingestion;
using Lakehouse.Pipelines.Metering;
using Lakehouse.Pipelines.Orchestration;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Functions.Ingest;

/// <summary>
/// S3 object-created events (direct, or wrapped in SQS messages) become bronze Delta commits, and every bronze commit
/// starts the pipeline's state machine run (run id = <see cref="RunIds.ForBronzeCommit"/>, so duplicates start nothing).
/// </summary>
internal sealed partial class IngestFunction
{
    private readonly FunctionHost _host;
    private readonly IObjectStore _landing;
    private readonly string _landingBucket;
    private readonly IOrchestrator _orchestrator;
    private readonly ILogger _logger;

    private IngestFunction(FunctionHost host, IObjectStore landing, string landingBucket, IOrchestrator orchestrator, ILogger logger)
    {
        _host = host;
        _landing = landing;
        _landingBucket = landingBucket;
        _orchestrator = orchestrator;
        _logger = logger;
    }

    public static Task<Func<JsonElement, ILambdaContext, CancellationToken, Task<IngestSummary>>> InitializeAsync(LambdaStartup startup, CancellationToken cancellationToken)
    {
        var host = FunctionHost.Create(startup, UsageKind.Ingest, "LANDING_BUCKET", "LAKE_BUCKET", "STATE_MACHINE_ARN");
        var landingBucket = host.Settings.LandingBucket!;
        var orchestrator = new Lakehouse.Aws.StepFunctions.StepFunctionsOrchestrator(host.Clients.StepFunctions, host.Settings.StateMachineArn!);
        var function = new IngestFunction(host, LakeRuntimeFactory.Store(host.Clients, landingBucket), landingBucket, orchestrator, startup.LoggerFactory.CreateLogger<IngestFunction>());
        return Task.FromResult<Func<JsonElement, ILambdaContext, CancellationToken, Task<IngestSummary>>>(function.HandleAsync);
    }

    public async Task<IngestSummary> HandleAsync(JsonElement evt, ILambdaContext context, CancellationToken cancellationToken)
    {
        var isSqs = IsSqs(evt);
        var batch = new LandingBatch();
        var badMessages = new List<string>();
        if (isSqs)
        {
            var sqs = Deserialize(evt, LambdaEventsJsonContext.Default.SqsEvent, "an SQS event");
            foreach (var message in sqs.Records)
            {
                try
                {
                    var notification = SqsS3EventReader.ReadBody(message.MessageId, message.Body);
                    AddRecords(batch, notification.Event?.Records ?? [], message.MessageId);
                }
                catch (InvalidEventException e)
                {
                    // Not an S3 notification: report it failed so SQS redrives it to the dead-letter queue.
                    LogBadMessage(_logger, message.MessageId, e.Message);
                    badMessages.Add(message.MessageId);
                }
            }
        }
        else
        {
            var s3 = Deserialize(evt, LambdaEventsJsonContext.Default.S3Event, "an S3 event");
            AddRecords(batch, s3.Records, null);
        }

        var summary = new SummaryBuilder();
        await QuarantineWithoutPipelineAsync(batch, summary, cancellationToken).ConfigureAwait(false);
        foreach (var pipeline in batch.Pipelines)
        {
            await IngestPipelineAsync(pipeline, batch, summary, context, cancellationToken).ConfigureAwait(false);
        }

        if (isSqs)
        {
            var failed = badMessages.Concat(summary.FailedPipelines.SelectMany(batch.MessagesOf)).Distinct(StringComparer.Ordinal);
            return summary.Build(failed.Select(id => new SqsBatchItemFailure(id)).ToList());
        }

        // A direct S3 invocation has no partial failure: fail it (Lambda retries; ingested objects are skipped then).
        if (summary.Failures.Count > 0)
        {
            var first = summary.FirstError!;
            throw first is LakehouseException ? first : new IngestFailedException(summary.Failures[0].Message, first);
        }

        return summary.Build(null);
    }

    private static bool IsSqs(JsonElement evt) =>
        evt.ValueKind == JsonValueKind.Object
        && evt.TryGetProperty("Records", out var records)
        && records.ValueKind == JsonValueKind.Array
        && records.GetArrayLength() > 0
        && records[0].ValueKind == JsonValueKind.Object
        && records[0].TryGetProperty("eventSource", out var source)
        && source.ValueKind == JsonValueKind.String
        && source.GetString() == "aws:sqs";

    private static T Deserialize<T>(JsonElement evt, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what)
    {
        try
        {
            return evt.Deserialize(type) ?? throw new InvalidEventException($"The event is null; the Ingest function expects {what} ({{\"Records\": [...]}}).");
        }
        catch (JsonException e)
        {
            throw new InvalidEventException($"The event is not {what}: {e.Message} The Ingest function expects S3 object-created notifications, directly or through SQS.", e);
        }
    }

    private static void AddRecords(LandingBatch batch, IReadOnlyList<S3EventRecord> records, string? messageId)
    {
        foreach (var record in records.Where(r => r.IsObjectCreated))
        {
            var o = record.S3.Object;
            batch.Add(new LandedObject(o.DecodedKey, o.Size, o.ETag, o.VersionId), messageId);
        }
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Error, Message = "SQS message {MessageId} is not an S3 notification: {Reason}")]
    private static partial void LogBadMessage(ILogger logger, string messageId, string reason);
}
