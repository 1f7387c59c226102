using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Events.Sqs;

/// <summary>
/// The partial-batch answer of an SQS-triggered function (event source mapping with <c>ReportBatchItemFailures</c>):
/// only the listed messages return to the queue.
/// </summary>
public sealed record SqsBatchResponse([property: JsonPropertyName("batchItemFailures")] IReadOnlyList<SqsBatchItemFailure> BatchItemFailures);
