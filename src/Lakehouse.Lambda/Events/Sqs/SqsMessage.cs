using System.Text.Json.Serialization;

namespace Lakehouse.Lambda.Events.Sqs;

/// <summary>One SQS message; <see cref="Body"/> is the message text (for S3 notifications, an S3 event JSON document).</summary>
public sealed record SqsMessage(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("receiptHandle")] string? ReceiptHandle = null,
    [property: JsonPropertyName("md5OfBody")] string? Md5OfBody = null,
    [property: JsonPropertyName("eventSource")] string? EventSource = null,
    [property: JsonPropertyName("eventSourceARN")] string? EventSourceArn = null,
    [property: JsonPropertyName("awsRegion")] string? AwsRegion = null,
    [property: JsonPropertyName("attributes")] IReadOnlyDictionary<string, string>? Attributes = null);
