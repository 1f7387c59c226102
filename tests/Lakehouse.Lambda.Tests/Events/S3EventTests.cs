using System.Text.Json;
using Lakehouse.Lambda.Events;
using Lakehouse.Lambda.Events.S3;

namespace Lakehouse.Lambda.Tests.Events;

public sealed class S3EventTests
{
    [Fact]
    public void Deserialize_SampleIngestEvent_ReadsBucketKeyAndDecodedKey()
    {
        var evt = JsonSerializer.Deserialize(SampleEvents.Read("ingest-s3-put.json"), LambdaEventsJsonContext.Default.S3Event)!;

        var record = Assert.Single(evt.Records);
        Assert.Equal("ObjectCreated:Put", record.EventName);
        Assert.True(record.IsObjectCreated);
        Assert.Equal("us-east-1", record.AwsRegion);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero), record.EventTime);
        Assert.Equal("lakehouse-local-landing-123456789012-us-east-1", record.S3.Bucket.Name);
        Assert.Equal("retail/orders/2026-11-21+daily+export%2B%C3%A9t%C3%A9.csv", record.S3.Object.Key);
        Assert.Equal("retail/orders/2026-11-21 daily export+été.csv", record.S3.Object.DecodedKey);
        Assert.Equal(1024, record.S3.Object.Size);
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", record.S3.Object.ETag);
        Assert.Equal("0055AED6DCD90281E5", record.S3.Object.Sequencer);
    }

    [Fact]
    public void Deserialize_ObjectRemovedWithoutSize_IsAccepted()
    {
        const string json = """{"Records":[{"eventName":"ObjectRemoved:Delete","s3":{"bucket":{"name":"b"},"object":{"key":"k","sequencer":"01"}}}]}""";

        var record = Assert.Single(JsonSerializer.Deserialize(json, LambdaEventsJsonContext.Default.S3Event)!.Records);

        Assert.False(record.IsObjectCreated);
        Assert.Null(record.S3.Object.Size);
    }

    [Theory]
    [InlineData("""{"records":[]}""")]
    [InlineData("""{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"}}}]}""")]
    [InlineData("""{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"},"object":{"key":null}}}]}""")]
    public void Deserialize_WrongShape_Throws(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, LambdaEventsJsonContext.Default.S3Event));
    }
}
