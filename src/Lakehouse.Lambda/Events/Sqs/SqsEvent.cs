using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Events.Sqs;

/// <summary>A batch of SQS messages delivered to Lambda (stands in for Amazon.Lambda.SQSEvents).</summary>
public sealed record SqsEvent([property: JsonPropertyName("Records")] IReadOnlyList<SqsMessage> Records);
