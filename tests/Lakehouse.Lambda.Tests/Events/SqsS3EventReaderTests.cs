using System.Text.Json;
using Lakehouse.Lambda.Events;
using Lakehouse.Lambda.Events.Sqs;
using Lakehouse.Lambda.Hosting;

namespace Lakehouse.Lambda.Tests.Events;

public sealed class SqsS3EventReaderTests
{
    [Fact]
    public void Read_SampleSqsEvent_SkipsTestEventAndUnwrapsTwoObjects()
    {
        var sqs = JsonSerializer.Deserialize(SampleEvents.Read("ingest-sqs-s3.json"), LambdaEventsJsonContext.Default.SqsEvent)!;

        var notifications = SqsS3EventReader.Read(sqs);

        Assert.Equal(2, notifications.Count);
        Assert.True(notifications[0].IsTestEvent);
        Assert.Null(notifications[0].Event);
        Assert.Equal("19dd0b57-b21e-4ac1-bd88-01bbb068cb70", notifications[0].MessageId);
        Assert.False(notifications[1].IsTestEvent);
        Assert.Equal(
            ["retail/orders/2026-11-21 daily export+été.csv", "retail/customers/second file.json"],
            notifications[1].Event!.Records.Select(r => r.S3.Object.DecodedKey));
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:lakehouse-local-landing-events", sqs.Records[1].EventSourceArn);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"hello":"world"}""")]
    public void ReadBody_WhenBodyIsNotAnS3Notification_ThrowsInvalidEventNamingTheMessage(string body)
    {
        var ex = Assert.Throws<InvalidEventException>(() => SqsS3EventReader.ReadBody("msg-7", body));

        Assert.Contains("msg-7", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Lakehouse.InvalidEvent", ex.ErrorType);
    }

    [Fact]
    public void SqsBatchResponse_SerializesAsLambdaExpects()
    {
        var json = JsonSerializer.Serialize(new SqsBatchResponse([new SqsBatchItemFailure("m1")]), LambdaEventsJsonContext.Default.SqsBatchResponse);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"m1"}]}""", json);
    }
}
