using System.Text.Json;
using Lakehouse.Lambda.Events;

namespace Lakehouse.Lambda.Tests.Events;

public sealed class ScheduledEventTests
{
    [Theory]
    [InlineData("billing-scheduled.json", "2026-11-22T02:00:00Z", "89d1a02d-5ec7-412e-82f5-13505f849b41")]
    [InlineData("maintenance-scheduled.json", "2026-11-22T03:00:00Z", "0c8ad4b1-8a7e-4f4c-9c61-2d0e3d3a5b7e")]
    public void Deserialize_SampleScheduledEvents(string file, string time, string id)
    {
        var evt = JsonSerializer.Deserialize(SampleEvents.Read(file), LambdaEventsJsonContext.Default.ScheduledEvent)!;

        Assert.Equal("Scheduled Event", evt.DetailType);
        Assert.Equal("aws.events", evt.Source);
        Assert.Equal(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), evt.Time);
        Assert.Equal(id, evt.CorrelationId);
        Assert.Single(evt.Resources!);
        Assert.Equal(JsonValueKind.Object, evt.Detail!.Value.ValueKind);
    }

    [Fact]
    public void Deserialize_WithoutDetailType_Throws()
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("""{"source":"aws.events","time":"2026-11-22T02:00:00Z"}""", LambdaEventsJsonContext.Default.ScheduledEvent));
    }
}
