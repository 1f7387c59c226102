using System.Text.Json.Serialization;
using Lakehouse.Lambda.Events.Sqs;

namespace Lakehouse.Functions.Ingest;

/// <summary>
/// The Ingest response: bronze commits made, files skipped as duplicates, files quarantined, pipeline runs started
/// (or found already started), and for SQS batches the messages to redeliver (Lambda's partial batch response).
/// </summary>
internal sealed record IngestSummary(
    IReadOnlyList<CommitSummary> Commits,
    long RowsWritten,
    IReadOnlyList<SkippedSummary> Skipped,
    IReadOnlyList<QuarantineSummary> Quarantined,
    IReadOnlyList<RunSummary> Runs,
    IReadOnlyList<FailureSummary> Failures,
    [property: JsonPropertyName("batchItemFailures")] IReadOnlyList<SqsBatchItemFailure>? BatchItemFailures = null);

internal sealed record CommitSummary(string Pipeline, string Table, long Version, int Files, long Rows);

internal sealed record SkippedSummary(string Pipeline, string Key, string Table, long? Version, string Reason);

internal sealed record QuarantineSummary(string Pipeline, string Key, string Reason, string ErrorType, string ReportKey);

internal sealed record RunSummary(string Pipeline, string RunId, string ExecutionId, bool AlreadyStarted);

/// <summary>A pipeline whose objects could not be processed in this invocation (they stay in the landing bucket).</summary>
internal sealed record FailureSummary(string Pipeline, IReadOnlyList<string> Keys, string ErrorType, string Message);

/// <summary>The report written for a landing object whose key names no pipeline.</summary>
internal sealed record UnknownPipelineReport(string Bucket, string Key, string? VersionId, string? ETag, string Reason, DateTimeOffset At);
