using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines;
using Lakehouse.Local.StateMachines.Events;
using Lakehouse.Local.StateMachines.Tasks;
using Lakehouse.Testing;

namespace Lakehouse.Local.Tests.StateMachines.Definition;

/// <summary>Task states: handler resolution, data flow around the result, errors, Retry, Catch and timeouts.</summary>
public sealed class TaskStateTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly RecordingDelay _delay;

    public TaskStateTests() => _delay = new RecordingDelay(_clock);

    private static string TaskMachine(string taskFields) =>
        "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"local:work\"," + taskFields +
        "},\"Caught\":{\"Type\":\"Pass\",\"End\":true}}}";

    private Task<ExecutionResult> RunAsync(string definition, JsonNode? input, Func<JsonNode?, TaskContext, CancellationToken, Task<JsonNode?>> handler, CancellationToken cancellationToken = default) =>
        StateMachine.Load(definition).ExecuteAsync(input, new ExecutionOptions
        {
            Name = "t",
            Handlers = new Dictionary<string, ITaskHandler> { ["local:work"] = TaskHandler.From(handler), ["my-function"] = TaskHandler.From(handler) },
            TimeProvider = _clock,
            Delay = _delay,
            Random = new Random(1),
        }, cancellationToken);

    private static Func<JsonNode?, TaskContext, CancellationToken, Task<JsonNode?>> FailingTimes(int times, Func<Exception> create, JsonNode? result = null)
    {
        var calls = 0;
        return (_, _, _) => ++calls <= times ? throw create() : Task.FromResult(result?.DeepClone());
    }

    [Fact]
    public async Task Execute_DataFlow_AppliesInputPathParametersResultSelectorResultPathOutputPath()
    {
        const string fields = """
            "InputPath":"$.in","Parameters":{"x.$":"$.x","ctx.$":"$$.State.Name"},
            "ResultSelector":{"doubled.$":"$.value"},"ResultPath":"$.in.result","OutputPath":"$.in","Next":"Caught"
            """;
        JsonNode? seen = null;

        var result = await RunAsync(TaskMachine(fields), JsonNode.Parse("""{"in":{"x":21},"other":1}"""), (input, _, _) =>
        {
            seen = input;
            return Task.FromResult<JsonNode?>(new JsonObject { ["value"] = input!["x"]!.GetValue<int>() * 2, ["noise"] = "dropped" });
        });

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"x":21,"ctx":"T"}"""), seen));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"x":21,"result":{"doubled":42}}"""), result.Output), result.Output?.ToJsonString());
    }

    [Fact]
    public async Task Execute_LambdaInvokeIntegration_ShapesTheResultLikeAws()
    {
        const string definition = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"my-function","Payload":{"table.$":"$.t"}},
              "ResultSelector":{"out.$":"$.Payload"},"End":true}}}
            """;

        var result = await RunAsync(definition, JsonNode.Parse("""{"t":"orders"}"""), (input, context, _) =>
        {
            Assert.Equal("my-function", context.Resource);
            return Task.FromResult<JsonNode?>(new JsonObject { ["got"] = input!["table"]!.GetValue<string>() });
        });

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"out":{"got":"orders"}}"""), result.Output), result.Output?.ToJsonString());
    }

    [Fact]
    public async Task Execute_LambdaInvokeWithoutResultSelector_ReturnsPayloadAndStatusCode()
    {
        const string definition = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"my-function","Payload.$":"$"},"End":true}}}
            """;

        var result = await RunAsync(definition, JsonNode.Parse("""{"a":1}"""), (input, _, _) => Task.FromResult(input));

        Assert.Equal(200, result.Output!["StatusCode"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":1}"""), result.Output["Payload"]));
    }

    [Fact]
    public async Task Execute_RetryBackoff_WaitsIntervalTimesRateCappedByMaxDelay()
    {
        const string fields = """
            "Retry":[{"ErrorEquals":["Lakehouse.CommitConflict"],"IntervalSeconds":3,"BackoffRate":2.5,"MaxAttempts":4,"MaxDelaySeconds":20}],"End":true
            """;

        var result = await RunAsync(TaskMachine(fields), new JsonObject(), FailingTimes(4, () => new CommitConflictException("conflict"), JsonValue.Create("done")));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal([3, 7.5, 18.75, 20], _delay.Waits.Select(w => w.TotalSeconds));
        Assert.Equal(1 + 4, result.StateTransitions);
    }

    [Fact]
    public async Task Execute_RetryWithDefaults_WaitsOneTwoFourSecondsThenFails()
    {
        const string fields = "\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"]}],\"End\":true";

        var result = await RunAsync(TaskMachine(fields), new JsonObject(), FailingTimes(10, () => new TimeoutException("slow")));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("TimeoutException", result.Error);
        Assert.Equal("slow", result.Cause);
        Assert.Equal([1.0, 2, 4], _delay.Waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public async Task Execute_FullJitter_DrawsEachWaitBetweenZeroAndTheBackoff()
    {
        const string fields = """
            "Retry":[{"ErrorEquals":["Throttled"],"IntervalSeconds":10,"MaxAttempts":5,"JitterStrategy":"FULL"}],"End":true
            """;

        var result = await RunAsync(TaskMachine(fields), new JsonObject(), FailingTimes(5, () => new TaskFailedException("Throttled", "slow down"), JsonValue.Create(1)));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var bounds = new[] { 10.0, 20, 40, 80, 160 };
        Assert.Equal(5, _delay.Waits.Count);
        for (var i = 0; i < 5; i++)
        {
            Assert.InRange(_delay.Waits[i].TotalSeconds, 0, bounds[i]);
        }

        Assert.NotEqual(bounds, _delay.Waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public async Task Execute_RetriersCountSeparately_AndMaxAttemptsZeroNeverRetries()
    {
        const string fields = """
            "Retry":[{"ErrorEquals":["A"],"MaxAttempts":0},{"ErrorEquals":["States.ALL"],"MaxAttempts":1}],
            "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true
            """;
        var calls = 0;

        var result = await RunAsync(TaskMachine(fields), new JsonObject(), (_, _, _) =>
        {
            calls++;
            throw new TaskFailedException("A", "not retried");
        });

        Assert.Equal(1, calls);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Error":"A","Cause":"not retried"}"""), result.Output));
    }

    [Fact]
    public async Task Execute_RetryCount_IsVisibleInContextAndTaskContext()
    {
        const string fields = """
            "Parameters":{"attempt.$":"$$.State.RetryCount"},
            "Retry":[{"ErrorEquals":["States.TaskFailed"],"MaxAttempts":2}],"End":true
            """;
        var seen = new List<(int FromContextObject, int FromTaskContext)>();

        var result = await RunAsync(TaskMachine(fields), new JsonObject(), (input, context, _) =>
        {
            seen.Add((input!["attempt"]!.GetValue<int>(), context.RetryCount));
            return seen.Count < 3 ? throw new InvalidOperationException("again") : Task.FromResult<JsonNode?>(JsonValue.Create("ok"));
        });

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal([(0, 0), (1, 1), (2, 2)], seen);
    }

    [Fact]
    public async Task Execute_CatchWithResultPath_KeepsInputAndAddsErrorOutput()
    {
        const string fields = """
            "Catch":[{"ErrorEquals":["Other"],"Next":"Caught"},{"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.error","Next":"Caught"}],"End":true
            """;

        var result = await RunAsync(TaskMachine(fields), JsonNode.Parse("""{"keep":1}"""), (_, _, _) => throw new CommitConflictException("version 3 exists"));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"keep":1,"error":{"Error":"Lakehouse.CommitConflict","Cause":"version 3 exists"}}"""),
            result.Output), result.Output?.ToJsonString());
        Assert.Contains(result.History, e => e.Type == ExecutionEventType.ErrorCaught && e.Error == "Lakehouse.CommitConflict");
    }

    [Fact]
    public async Task Execute_TimeoutSeconds_CancelsTheHandlerAndRaisesStatesTimeout()
    {
        const string fields = """
            "TimeoutSeconds":1,
            "Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Caught"},{"ErrorEquals":["States.Timeout"],"ResultPath":"$.timeout","Next":"Caught"}],"End":true
            """;
        var handlerToken = CancellationToken.None;

        var result = await StateMachine.Load(TaskMachine(fields)).ExecuteAsync(new JsonObject(), new ExecutionOptions
        {
            Handlers = new Dictionary<string, ITaskHandler>
            {
                ["local:work"] = TaskHandler.From(async (_, _, ct) =>
                {
                    handlerToken = ct;
                    await Task.Delay(Timeout.Infinite, ct);
                    return null;
                }),
            },
        });

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.True(handlerToken.IsCancellationRequested);
        Assert.Equal("States.Timeout", result.Output!["timeout"]!["Error"]!.GetValue<string>());
        Assert.Contains(result.History, e => e.Type == ExecutionEventType.TaskTimedOut);
    }

    [Fact]
    public async Task Execute_StatesAll_DoesNotCatchStatesRuntime()
    {
        const string fields = """
            "ResultSelector":{"missing.$":"$.nope"},"Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true
            """;

        var result = await RunAsync(TaskMachine(fields), new JsonObject(), (_, _, _) => Task.FromResult<JsonNode?>(new JsonObject()));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("States.Runtime", result.Error);
        Assert.Contains("'$.nope'", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_HandlerMissing_IsRefusedBeforeAnythingRuns()
    {
        var e = await Assert.ThrowsAsync<AslDefinitionException>(() =>
            StateMachine.Load(TaskMachine("\"End\":true")).ExecuteAsync(new JsonObject(), new ExecutionOptions()));

        Assert.StartsWith("State 'T' field 'Resource': no task handler is registered for 'local:work'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_CallerCancels_EndsAborted()
    {
        using var cts = new CancellationTokenSource();
        var result = await RunAsync(TaskMachine("\"End\":true"), new JsonObject(), async (_, _, ct) =>
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct);
            return null;
        }, cts.Token);

        Assert.Equal(ExecutionStatus.Aborted, result.Status);
        Assert.Equal(ExecutionEventType.ExecutionAborted, result.History[^1].Type);
    }

    [Fact]
    public async Task Execute_MachineTimeoutSeconds_EndsTimedOut()
    {
        const string definition = """
            {"TimeoutSeconds":1,"StartAt":"T","States":{"T":{"Type":"Task","Resource":"local:work","End":true}}}
            """;

        var result = await StateMachine.Load(definition).ExecuteAsync(new JsonObject(), new ExecutionOptions
        {
            Handlers = new Dictionary<string, ITaskHandler>
            {
                ["local:work"] = TaskHandler.From(async (_, _, ct) =>
                {
                    await Task.Delay(Timeout.Infinite, ct);
                    return null;
                }),
            },
        });

        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal("States.Timeout", result.Error);
    }

    [Fact]
    public async Task Execute_TaskContext_CarriesExecutionAndStateNames()
    {
        TaskContext? seen = null;

        await RunAsync(TaskMachine("\"End\":true"), new JsonObject(), (_, context, _) =>
        {
            seen = context;
            return Task.FromResult<JsonNode?>(null);
        });

        Assert.NotNull(seen);
        Assert.Equal("t", seen.ExecutionName);
        Assert.Equal("T", seen.StateName);
        Assert.Equal("local:work", seen.Resource);
        Assert.Equal("arn:aws:states:local:000000000000:execution:StateMachine:t", seen.ExecutionId);
        Assert.Equal(_clock.GetUtcNow(), seen.EnteredTime);
    }

    [Fact]
    public async Task Execute_LambdaInvokeWithUnknownDynamicFunctionName_FailsWithResourceNotFound()
    {
        const string definition = """
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName.$":"$.fn"},
              "Catch":[{"ErrorEquals":["Lambda.ResourceNotFoundException"],"ResultPath":"$.error","Next":"Caught"}],"End":true},
              "Caught":{"Type":"Pass","End":true}}}
            """;

        var result = await RunAsync(definition, JsonNode.Parse("""{"fn":"nobody"}"""), (_, _, _) => Task.FromResult<JsonNode?>(null));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("Lambda.ResourceNotFoundException", result.Output!["error"]!["Error"]!.GetValue<string>());
        Assert.Contains("'nobody'", result.Output["error"]!["Cause"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_HandlerThrowsSynchronously_IsATaskFailure()
    {
        var result = await RunAsync(TaskMachine("\"End\":true"), new JsonObject(), (_, _, _) => throw new ArgumentException("bad input"));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("ArgumentException", result.Error);
        Assert.Equal("bad input", result.Cause);
        Assert.Contains(result.History, e => e.Type == ExecutionEventType.TaskFailed && e.Resource == "local:work");
    }

    [Fact]
    public async Task ExecuteAsync_StringInput_IsParsed()
    {
        var result = await StateMachine.Load("""{"StartAt":"P","States":{"P":{"Type":"Pass","OutputPath":"$.a","End":true}}}""")
            .ExecuteAsync("""{"a":[1,2]}""", new ExecutionOptions());

        Assert.Equal("[1,2]", result.Output!.ToJsonString());
        Assert.StartsWith("arn:aws:states:local:000000000000:execution:StateMachine:", result.ExecutionArn, StringComparison.Ordinal);
    }
}
