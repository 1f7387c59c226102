using System.Text.Json.Nodes;
using Lakehouse.Pipelines.Transforms;
using Lakehouse.Testing;

namespace Lakehouse.Pipelines.Tests.Transforms;

/// <summary>The Transform task payload: one contract for pipeline.asl.json, the Transform Lambda and the local orchestrator.</summary>
public sealed class TransformRequestTests
{
    private static JsonNode Read(params string[] path) => JsonNode.Parse(File.ReadAllText(Path.Combine([RepositoryPaths.Root, .. path])))!;

    [Fact]
    public void FromJson_SampleSilverTask_ReadsTheTableStep()
    {
        var request = TransformRequest.FromJson(Read("events", "transform-silver.json"));

        Assert.Equal(new TransformRequest("retail", "silver", "orders", "retail-orders_bronze-v0"), request);
        Assert.False(request.IsRecordFailure);
        Assert.Null(request.Validate());
    }

    [Fact]
    public void FromJson_SampleRecordFailureTask_NeedsNoLayerOrTableAndCarriesTheCaughtError()
    {
        var request = TransformRequest.FromJson(Read("events", "transform-record-failure.json"));

        Assert.True(request.IsRecordFailure);
        Assert.Null(request.Layer);
        Assert.Null(request.Table);
        Assert.Equal("Lakehouse.CommitConflict", request.Error!.Error);
        Assert.Contains("moved to version 8", request.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_LowerCaseErrorMembers_AreRead()
    {
        var request = TransformRequest.FromJson(JsonNode.Parse("""{"action":"recordFailure","pipeline":"p","runId":"r","error":{"error":"States.Timeout","cause":"slow"}}""")!);

        Assert.Equal(new TransformError("States.Timeout", "slow"), request.Error);
    }

    [Theory]
    [InlineData("""{"pipeline":"p","layer":"silver","table":"t"}""", "runId")]
    [InlineData("""{"pipeline":null,"layer":"silver","table":"t","runId":"r"}""", "pipeline")]
    [InlineData("""{"pipeline":"p","layer":"silver","runId":"r"}""", "names no layer or table")]
    [InlineData("""{"pipeline":"p","table":"t","runId":"r"}""", "names no layer or table")]
    [InlineData("""{"pipeline":"p","layer":"silver","table":"t","runId":"r","action":"explode"}""", "Unknown transform action 'explode'")]
    public void FromJson_WrongShape_ThrowsTransformExceptionNamingTheProblem(string json, string expected)
    {
        var e = Assert.Throws<TransformException>(() => TransformRequest.FromJson(JsonNode.Parse(json)!));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StateMachinePayloads_UseExactlyTheContractsMemberNames()
    {
        var members = TransformRequestJsonContext.Default.TransformRequest.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var asl = Read("functions", "statemachine", "pipeline.asl.json");
        var payloads = new[]
        {
            asl["States"]!["SilverWaves"]!["ItemProcessor"]!["States"]!["SilverWave"]!["ItemSelector"]!.AsObject(),
            asl["States"]!["GoldWaves"]!["ItemProcessor"]!["States"]!["GoldWave"]!["ItemSelector"]!.AsObject(),
            asl["States"]!["RecordFailure"]!["Parameters"]!.AsObject(),
        };

        foreach (var payload in payloads)
        {
            var names = payload.Select(p => p.Key.EndsWith(".$", StringComparison.Ordinal) ? p.Key[..^2] : p.Key).ToList();
            Assert.All(names, n => Assert.Contains(n, members));
            Assert.Contains("pipeline", names);
            Assert.Contains("runId", names);
        }

        Assert.Equal(["layer", "pipeline", "runId", "table"], payloads[0].Select(p => p.Key.TrimEnd('$', '.')).Order(StringComparer.Ordinal));
    }
}
