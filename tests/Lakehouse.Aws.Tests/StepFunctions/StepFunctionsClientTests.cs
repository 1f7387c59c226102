using Lakehouse.Aws.Errors;
using Lakehouse.Aws.StepFunctions;
using Lakehouse.Aws.Tests.Faults;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests.StepFunctions;

[Collection("moto")]
public sealed class StepFunctionsClientTests(MotoServerFixture moto)
{
    private const string Definition = """{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}""";
    private const string Role = "arn:aws:iam::123456789012:role/lakehouse-pipeline";

    [Fact]
    public async Task StartExecution_ThenDescribe_ReportsNameInputAndStatus()
    {
        using var client = MotoClient();
        var machine = await client.CreateStateMachineAsync(MotoServerFixture.UniqueName("pipeline"), Definition, Role, default);

        var started = await client.StartExecutionAsync(machine, "orders-v7", """{"table":"orders","version":7}""", default);
        var described = await client.DescribeExecutionAsync(started.ExecutionArn, default);

        Assert.False(started.AlreadyStarted);
        Assert.Equal(StepFunctionsClient.ExecutionArnOf(machine, "orders-v7"), started.ExecutionArn);
        Assert.Equal("orders-v7", described.Name);
        Assert.Equal(machine, described.StateMachineArn);
        Assert.Equal("""{"table":"orders","version":7}""", described.Input);
        Assert.Contains(described.Status, new[] { "RUNNING", "SUCCEEDED" });
        Assert.True(started.StartDate > DateTimeOffset.UtcNow.AddHours(-1), $"start date {started.StartDate} should be recent");
    }

    [Fact]
    public async Task StartExecution_TwiceWithTheSameNameAndInput_ReturnsTheSameExecution()
    {
        using var client = MotoClient();
        var machine = await client.CreateStateMachineAsync(MotoServerFixture.UniqueName("pipeline"), Definition, Role, default);

        var first = await client.StartExecutionAsync(machine, "orders-v8", """{"version":8}""", default);
        var second = await client.StartExecutionAsync(machine, "orders-v8", """{"version":8}""", default);

        Assert.Equal(first.ExecutionArn, second.ExecutionArn);
    }

    [Fact]
    public async Task StartExecution_AfterTheExecutionClosed_ReturnsTheExistingExecutionAsAlreadyStarted()
    {
        using var client = MotoClient();
        var machine = await client.CreateStateMachineAsync(MotoServerFixture.UniqueName("pipeline"), Definition, Role, default);
        var first = await client.StartExecutionAsync(machine, "orders-v9", """{"version":9}""", default);
        await client.StopExecutionAsync(first.ExecutionArn, "Test", "closing it", default);

        var again = await client.StartExecutionAsync(machine, "orders-v9", """{ "version": 9 }""", default);

        Assert.True(again.AlreadyStarted);
        Assert.Equal(first.ExecutionArn, again.ExecutionArn);
        Assert.Equal("ABORTED", (await client.DescribeExecutionAsync(first.ExecutionArn, default)).Status);
    }

    [Fact]
    public async Task StartExecution_WithTheSameNameButAnotherInput_ThrowsNameConflict()
    {
        using var client = MotoClient();
        var machine = await client.CreateStateMachineAsync(MotoServerFixture.UniqueName("pipeline"), Definition, Role, default);
        var first = await client.StartExecutionAsync(machine, "orders-v10", """{"version":10}""", default);

        var error = await Assert.ThrowsAsync<ExecutionNameConflictException>(() => client.StartExecutionAsync(machine, "orders-v10", """{"version":11}""", default));

        Assert.Equal(first.ExecutionArn, error.ExecutionArn);
        Assert.Contains("different input", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartExecution_OfAMissingStateMachine_ThrowsWithTheErrorCode()
    {
        using var client = MotoClient();

        var error = await Assert.ThrowsAsync<StepFunctionsException>(() =>
            client.StartExecutionAsync("arn:aws:states:us-east-1:123456789012:stateMachine:nope", "x", "{}", default));

        Assert.Equal("StateMachineDoesNotExist", error.AwsErrorCode);
        Assert.Contains("stateMachine:nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_UseJson10AndSigV4ForTheStatesService_AndThrottlingIsRetried()
    {
        using var server = new ScriptedHttpServer()
            .Then(400, jsonBody: """{"__type":"ThrottlingException","message":"Rate exceeded"}""")
            .Then(200, jsonBody: """{"executionArn":"arn:aws:states:us-east-1:123456789012:execution:sm:n","startDate":1700000000.5}""");
        using var client = new StepFunctionsClient(new StepFunctionsClientOptions(MotoServerFixture.Region, MotoServerFixture.Credentials) { ServiceUrl = new Uri(server.Endpoint) });

        var started = await client.StartExecutionAsync("arn:aws:states:us-east-1:123456789012:stateMachine:sm", "n", "{}", default);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), started.StartDate);
        Assert.Equal(2, server.RequestDetails.Count);
        var (headers, body) = server.RequestDetails[1];
        Assert.Equal("AWSStepFunctions.StartExecution", headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.0", headers["Content-Type"]);
        Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=testing/\d{8}/us-east-1/states/aws4_request, SignedHeaders=.*x-amz-target.*, Signature=[0-9a-f]{64}$", headers["Authorization"]);
        Assert.Equal("""{"stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:sm","name":"n","input":"{}"}""", body);
    }

    [Fact]
    public async Task StartExecution_WhenThrottlingPersists_ThrowsThrottled()
    {
        using var server = new ScriptedHttpServer();
        for (var i = 0; i < 2; i++)
        {
            server.Then(400, jsonBody: """{"__type":"ThrottlingException","message":"Rate exceeded"}""");
        }

        using var client = new StepFunctionsClient(new StepFunctionsClientOptions(MotoServerFixture.Region, MotoServerFixture.Credentials) { ServiceUrl = new Uri(server.Endpoint), MaxAttempts = 2 });

        var error = await Assert.ThrowsAsync<ThrottledException>(() => client.StartExecutionAsync("arn:aws:states:us-east-1:1:stateMachine:sm", "n", "{}", default));
        Assert.Equal("Lakehouse.Throttled", error.ErrorType);
    }

    private StepFunctionsClient MotoClient() =>
        new(new StepFunctionsClientOptions(MotoServerFixture.Region, MotoServerFixture.Credentials) { ServiceUrl = new Uri(moto.Endpoint) });
}
