using System.Text.Json;
using System.Text.Json.Nodes;
using Lakehouse.Aws.StepFunctions;
using Lakehouse.Aws.Tests.Faults;
using Lakehouse.Pipelines.Metering;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests.StepFunctions;

/// <summary>ListExecutions and GetExecutionHistory paging, against scripted answers (moto returns whole histories in one page).</summary>
public sealed class StepFunctionsHistoryTests
{
    private const string Machine = "arn:aws:states:eu-west-1:123456789012:stateMachine:lakehouse-dev-pipeline";

    private static readonly string FixturePath =
        Path.Combine(RepositoryPaths.Root, "tests", "Lakehouse.Pipelines.Tests", "Metering", "Fixtures", "pipeline-run-history.json");

    private static StepFunctionsClient Client(ScriptedHttpServer server) =>
        new(new StepFunctionsClientOptions("eu-west-1", MotoServerFixture.Credentials) { ServiceUrl = new Uri(server.Endpoint) });

    [Fact]
    public async Task GetExecutionHistory_OverTwoPages_ReturnsEveryEventInOrderWithTheInput()
    {
        var events = JsonNode.Parse(await File.ReadAllTextAsync(FixturePath))!["events"]!.AsArray().Select(e => e!.DeepClone()).ToList();
        var page1 = new JsonObject { ["events"] = new JsonArray(events.Take(30).ToArray()), ["nextToken"] = "page-2" };
        var page2 = new JsonObject { ["events"] = new JsonArray(events.Skip(30).ToArray()) };
        using var server = new ScriptedHttpServer().Then(200, jsonBody: page1.ToJsonString()).Then(200, jsonBody: page2.ToJsonString());
        using var client = Client(server);
        const string arn = "arn:aws:states:eu-west-1:123456789012:execution:lakehouse-dev-pipeline:retail-orders_bronze-v3";

        var history = await client.GetExecutionHistoryAsync(arn, default);

        Assert.Equal(48, history.Events.Count);
        Assert.Equal(Enumerable.Range(1, 48).Select(i => (long)i), history.Events.Select(e => e.Id));
        Assert.Equal(9, StateTransitionCounter.Count(history.Events));
        var expectedFirst = new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero).AddSeconds(0.05);
        Assert.InRange(history.Events[0].Timestamp, expectedFirst.AddMilliseconds(-1), expectedFirst.AddMilliseconds(1)); // epoch seconds as a double
        Assert.Equal("retail", JsonNode.Parse(history.Input!)!["pipeline"]!.GetValue<string>());
        var requests = server.RequestDetails;
        Assert.Equal(2, requests.Count);
        Assert.Equal("AWSStepFunctions.GetExecutionHistory", requests[0].Headers["X-Amz-Target"]);
        using var first = JsonDocument.Parse(requests[0].Body);
        Assert.Equal(arn, first.RootElement.GetProperty("executionArn").GetString());
        Assert.True(first.RootElement.GetProperty("includeExecutionData").GetBoolean());
        Assert.False(first.RootElement.GetProperty("reverseOrder").GetBoolean());
        Assert.False(first.RootElement.TryGetProperty("nextToken", out _));
        using var second = JsonDocument.Parse(requests[1].Body);
        Assert.Equal("page-2", second.RootElement.GetProperty("nextToken").GetString());
    }

    [Fact]
    public async Task ListExecutions_FollowsNextToken_AndStopsCallingWhenTheCallerStops()
    {
        using var server = new ScriptedHttpServer()
            .Then(200, jsonBody: """
                {"executions":[
                  {"executionArn":"arn:aws:states:eu-west-1:123456789012:execution:lakehouse-dev-pipeline:r3","stateMachineArn":"x","name":"r3","status":"RUNNING","startDate":1795340000.25},
                  {"executionArn":"arn:aws:states:eu-west-1:123456789012:execution:lakehouse-dev-pipeline:r2","stateMachineArn":"x","name":"r2","status":"FAILED","startDate":1795330000,"stopDate":1795330100.5,"redriveCount":1,"redriveDate":1795335000}],
                 "nextToken":"t2"}
                """)
            .Then(200, jsonBody: """
                {"executions":[
                  {"executionArn":"arn:aws:states:eu-west-1:123456789012:execution:lakehouse-dev-pipeline:r1","stateMachineArn":"x","name":"r1","status":"SUCCEEDED","startDate":1795320000,"stopDate":1795320060}],
                 "nextToken":"t3"}
                """);
        using var client = Client(server);

        var listed = new List<ExecutionSummary>();
        await foreach (var e in client.ListExecutionsAsync(Machine, null, null, 2, default))
        {
            listed.Add(e);
            if (e.Name == "r1")
            {
                break; // the caller has seen enough: page "t3" is never requested
            }
        }

        Assert.Equal(["r3", "r2", "r1"], listed.Select(e => e.Name));
        Assert.False(listed[0].IsFinished);
        Assert.Null(listed[0].StopDate);
        Assert.True(listed[1].IsFinished);
        Assert.Equal(1, listed[1].RedriveCount);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_795_330_100_500), listed[1].StopDate);
        Assert.Equal(2, server.RequestDetails.Count);
        using var body = JsonDocument.Parse(server.RequestDetails[1].Body);
        Assert.Equal(Machine, body.RootElement.GetProperty("stateMachineArn").GetString());
        Assert.Equal(2, body.RootElement.GetProperty("maxResults").GetInt32());
        Assert.Equal("t2", body.RootElement.GetProperty("nextToken").GetString());
    }

    [Fact]
    public async Task ListExecutions_OfAMissingStateMachine_ThrowsWithTheErrorCode()
    {
        using var server = new ScriptedHttpServer().Then(400, jsonBody: """{"__type":"StateMachineDoesNotExist","message":"State Machine Does Not Exist"}""");
        using var client = Client(server);

        var error = await Assert.ThrowsAsync<StepFunctionsException>(async () =>
        {
            await foreach (var unused in client.ListExecutionsAsync(Machine, null, null, 100, default))
            {
            }
        });

        Assert.Equal("StateMachineDoesNotExist", error.AwsErrorCode);
        Assert.Contains(Machine, error.Message, StringComparison.Ordinal);
    }
}
