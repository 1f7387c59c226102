using System.Text.Json;
using Lakehouse.Lambda.Hosting;

namespace Lakehouse.Lambda.Events.Sqs;

/// <summary>Unwraps S3 event notifications delivered through an SQS queue.</summary>
public static class SqsS3EventReader
{
    internal const string TestEventName = "s3:TestEvent";

    /// <summary>Reads every message body as an S3 notification.</summary>
    /// <exception cref="InvalidEventException">A body is neither an S3 event nor the S3 test event (names the message id).</exception>
    public static IReadOnlyList<SqsS3Notification> Read(SqsEvent sqsEvent)
    {
        ArgumentNullException.ThrowIfNull(sqsEvent);
        var result = new List<SqsS3Notification>(sqsEvent.Records.Count);
        foreach (var message in sqsEvent.Records)
        {
            result.Add(ReadBody(message.MessageId, message.Body));
        }

        return result;
    }

    /// <summary>Reads one SQS body as an S3 notification.</summary>
    public static SqsS3Notification ReadBody(string messageId, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        S3NotificationEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, LambdaEventsJsonContext.Default.S3NotificationEnvelope);
        }
        catch (JsonException ex)
        {
            throw new InvalidEventException($"SQS message {messageId} does not hold an S3 event notification: {ex.Message} Check the queue's producer (S3 bucket notification → SQS).", ex);
        }

        if (envelope is { Event: TestEventName })
        {
            return new SqsS3Notification(messageId, null, IsTestEvent: true);
        }

        if (envelope?.Records is { } records)
        {
            return new SqsS3Notification(messageId, new S3.S3Event(records), IsTestEvent: false);
        }

        throw new InvalidEventException($"SQS message {messageId} holds JSON without \"Records\" or \"Event\": \"s3:TestEvent\"; it is not an S3 event notification. Check the queue's producer.");
    }
}
