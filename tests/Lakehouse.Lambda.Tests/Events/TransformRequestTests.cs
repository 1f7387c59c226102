using System.Text.Json;
using Lakehouse.Lambda.Events;
using Lakehouse.Lambda.Events.StepFunctions;

namespace Lakehouse.Lambda.Tests.Events;

public sealed class TransformRequestTests
{
    [Fact]
    public void Deserialize_SampleTransformInput_DefaultsActionToTransform()
    {
        var request = JsonSerializer.Deserialize(SampleEvents.Read("transform-silver.json"), LambdaEventsJsonContext.Default.TransformRequest)!;

        Assert.Equal(new TransformRequest("retail", TransformLayer.Silver, "orders", "retail-orders_bronze-v0"), request);
        Assert.Equal(TransformAction.Transform, request.Action);
        Assert.Equal("retail-orders_bronze-v0", request.CorrelationId);
    }

    [Fact]
    public void Deserialize_RecordFailureInput_CarriesTheCaughtError()
    {
        const string json = """
            {"action":"recordFailure","pipeline":"retail","layer":"gold","table":"daily_sales","runId":"r-1",
             "error":{"Error":"Lakehouse.CommitConflict","Cause":"Table s3://lake/retail/gold/daily_sales moved to version 8 while committing 7."}}
            """;
        var request = JsonSerializer.Deserialize(json, LambdaEventsJsonContext.Default.TransformRequest)!;

        Assert.Equal(TransformAction.RecordFailure, request.Action);
        Assert.Equal(TransformLayer.Gold, request.Layer);
        Assert.Equal("Lakehouse.CommitConflict", request.Error!.Error);
        Assert.Contains("moved to version 8", request.Error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"pipeline":"p","layer":"bronze","table":"t","runId":"r"}""")]
    [InlineData("""{"pipeline":"p","layer":"Silver","table":"t","runId":"r"}""")]
    [InlineData("""{"pipeline":"p","layer":"silver","table":"t"}""")]
    [InlineData("""{"pipeline":"p","layer":"silver","table":"t","runId":"r","action":"explode"}""")]
    [InlineData("""{"pipeline":null,"layer":"silver","table":"t","runId":"r"}""")]
    public void Deserialize_WrongShape_Throws(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, LambdaEventsJsonContext.Default.TransformRequest));
    }

    [Fact]
    public void TransformSummary_SerializesCamelCaseWithLayerNameAndWithoutNulls()
    {
        var summary = new TransformSummary("orders", TransformLayer.Gold, "daily_revenue", "run-1", "succeeded", Version: 7, RowsRead: 10, RowsWritten: 9, RowsQuarantined: 1, DurationMs: 1234);

        var json = JsonSerializer.Serialize(summary, LambdaEventsJsonContext.Default.TransformSummary);

        Assert.Equal("""{"pipeline":"orders","layer":"gold","table":"daily_revenue","runId":"run-1","status":"succeeded","version":7,"rowsRead":10,"rowsWritten":9,"rowsQuarantined":1,"durationMs":1234}""", json);
    }
}
