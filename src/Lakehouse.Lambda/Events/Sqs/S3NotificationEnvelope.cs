using System.Text.Json.Serialization;
using Lakehouse.Lambda.Events.S3;

namespace Lakehouse.Lambda.Events.Sqs;

/// <summary>What an SQS body from an S3 notification can hold: either records, or the one-off test event.</summary>
public sealed record S3NotificationEnvelope(
    [property: JsonPropertyName("Records")] IReadOnlyList<S3EventRecord>? Records = null,
    [property: JsonPropertyName("Event")] string? Event = null);
