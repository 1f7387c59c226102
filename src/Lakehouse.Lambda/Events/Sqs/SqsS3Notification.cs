using Lakehouse.Lambda.Events.S3;

namespace Lakehouse.Lambda.Events.Sqs;

/// <summary>One SQS message read as an S3 notification: either <see cref="Event"/> or a test event to acknowledge and skip.</summary>
public sealed record SqsS3Notification(string MessageId, S3Event? Event, bool IsTestEvent);
