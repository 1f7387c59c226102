using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines;
using Lakehouse.Local.StateMachines.Tasks;
using Lakehouse.Pipelines.Metering;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Local.Tests.StateMachines.Moto;

/// <summary>
/// Local runs and Step Functions executions must be billed the same number of state transitions: the interpreter's
/// running count equals <see cref="StateTransitionCounter"/> applied to the history moto's engine records for the same
/// definition, and to the recorded AWS-shaped history of a pipeline run.
/// </summary>
[Collection("moto")]
public sealed class TransitionCountCrossCheckTests(MotoServerFixture moto)
{
    private const string MissingFunction = "arn:aws:lambda:us-east-1:123456789012:function:missing";

    /// <summary>Pass, Inline Map (2 items), a Lambda task retried twice then caught, Parallel (Pass | Choice → Succeed), Wait, Succeed.</summary>
    private const string Definition = """
        {"StartAt":"Prepare","States":{
          "Prepare":{"Type":"Pass","Next":"Tables"},
          "Tables":{"Type":"Map","ItemsPath":"$.tables","ResultPath":null,
            "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Transform","States":{"Transform":{"Type":"Pass","End":true}}},
            "Next":"Notify"},
          "Notify":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:missing",
            "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":1,"MaxAttempts":2,"BackoffRate":1}],
            "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Fan"}],"Next":"Fan"},
          "Fan":{"Type":"Parallel","ResultPath":null,"Branches":[
            {"StartAt":"Left","States":{"Left":{"Type":"Pass","End":true}}},
            {"StartAt":"Decide","States":{"Decide":{"Type":"Choice","Choices":[{"Variable":"$.x","NumericEquals":1,"Next":"Right"}],"Default":"Right"},
                                          "Right":{"Type":"Succeed"}}}],
            "Next":"Settle"},
          "Settle":{"Type":"Wait","Seconds":1,"Next":"Done"},
          "Done":{"Type":"Succeed"}}}
        """;

    [Fact]
    public async Task StateTransitions_LocalRunAndMotoExecution_AreCountedAlike()
    {
        const string input = """{"pipeline":"retail","runId":"r1","tables":["orders","customers"],"x":1}""";
        await moto.ResetAsync(); // moto's engine runs one execution per server
        using var sfn = new MotoStepFunctions(moto);
        await sfn.EnableExecutionAsync();
        var remote = await sfn.RunAsync(Definition, input);
        var history = await sfn.CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = remote["executionArn"]!.GetValue<string>() });
        var local = await StateMachine.Load(Definition).ExecuteAsync(JsonNode.Parse(input), new ExecutionOptions
        {
            Name = "case",
            Delay = new RecordingDelay(),
            Handlers = new Dictionary<string, ITaskHandler>
            {
                [MissingFunction] = TaskHandler.From((_, _, _) => throw new TaskFailedException("Exception", "Function not found")),
            },
        });

        var remoteCount = StateTransitionCounter.Count(Events(history));

        Assert.Equal("SUCCEEDED", remote["status"]!.GetValue<string>());
        Assert.Equal(ExecutionStatus.Succeeded, local.Status);
        // Prepare, Tables, Transform ×2, Notify + 2 retries, Fan, Left, Decide, Right, Settle, Done.
        Assert.Equal(13, remoteCount);
        Assert.Equal(remoteCount, local.StateTransitions);
    }

    [Fact]
    public async Task StateTransitions_PipelineRunLocally_EqualTheRecordedAwsHistoryOfTheSameRun()
    {
        var fixture = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(
            RepositoryPaths.Root, "tests", "Lakehouse.Pipelines.Tests", "Metering", "Fixtures", "pipeline-run-history.json")))!.AsObject();
        var startedWith = fixture["events"]![0]!["executionStartedEventDetails"]!["input"]!.GetValue<string>();
        var transform = new FakeTransform();
        transform.Fail("orders", 1, () => new TaskFailedException("Lakehouse.CommitConflict", "Version 8 was committed by another writer."));
        var machine = StateMachine.Load(
            await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "functions", "statemachine", "pipeline.asl.json")),
            new Dictionary<string, string> { ["TransformFunctionArn"] = "local:transform" },
            "pipeline");

        var local = await machine.ExecuteAsync(JsonNode.Parse(startedWith), new ExecutionOptions
        {
            Name = "retail-orders_bronze-v3",
            Handlers = new Dictionary<string, ITaskHandler> { ["local:transform"] = transform },
            Delay = new RecordingDelay(),
            Random = new Random(3),
        });

        Assert.Equal(ExecutionStatus.Succeeded, local.Status);
        Assert.Equal(StateTransitionCounter.Count(Events(fixture)), local.StateTransitions);
        Assert.Equal(9, local.StateTransitions);
    }

    private static List<ExecutionHistoryEvent> Events(JsonObject history) =>
        history["events"]!.AsArray().Select(e => new ExecutionHistoryEvent(
            e!["id"]!.GetValue<long>(),
            e["previousEventId"]?.GetValue<long>() ?? 0,
            e["type"]!.GetValue<string>(),
            DateTimeOffset.UnixEpoch)).ToList(); // counting does not look at times
}
