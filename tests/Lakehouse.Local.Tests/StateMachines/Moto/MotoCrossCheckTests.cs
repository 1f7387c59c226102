using System.Text.Json;
using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Local.Tests.StateMachines.Moto;

/// <summary>
/// Runs the table-driven cases that need no task handlers both in moto's Step Functions engine (moto 5.2 executes
/// state machines when its <c>stepfunctions.execute_state_machine</c> setting is on) and in the interpreter, and
/// requires the same outcome. Cases where moto 5.2 departs from the States Language carry "moto": false and a
/// "motoNote" saying how.
/// </summary>
[Collection("moto")]
public sealed class MotoCrossCheckTests(MotoServerFixture moto)
{
    public static TheoryData<string> MotoCaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in AslCase.All.Where(c => c.Moto))
        {
            data.Add(c.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MotoCaseIds))]
    public async Task Execute_CaseInMotoAndLocally_GivesTheSameOutcome(string id)
    {
        var c = AslCase.Get(id);
        var definition = c.Definition.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var input = c.Input?.ToJsonString() ?? "null";

        // moto keeps a reference to earlier executions that breaks its deepcopy of the next state machine, so each
        // case starts from a clean backend (the execute setting survives a reset).
        await moto.ResetAsync();
        using var sfn = new MotoStepFunctions(moto);
        await sfn.EnableExecutionAsync();
        var remote = await sfn.RunAsync(definition, input);
        var local = await StateMachine.Load(definition).ExecuteAsync(c.Input, new ExecutionOptions { Name = "case", Delay = new RecordingDelay() });

        var remoteStatus = remote["status"]!.GetValue<string>();
        Assert.Equal(local.Status == ExecutionStatus.Succeeded ? "SUCCEEDED" : "FAILED", remoteStatus);
        if (local.Status == ExecutionStatus.Succeeded)
        {
            var remoteOutput = ParseOutput(remote["output"]?.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(remoteOutput, local.Output), $"{id}: moto gave {remoteOutput?.ToJsonString()}, local gave {local.Output?.ToJsonString()}");
            Assert.True(JsonNode.DeepEquals(c.Expected, local.Output), $"{id}: expected {c.Expected?.ToJsonString()}");
        }
        else
        {
            Assert.Equal(remote["error"]?.GetValue<string>(), local.Error);
            Assert.Equal(c.ExpectedError, local.Error);
        }
    }

    [Fact]
    public async Task CreateStateMachine_WithThePipelineDefinition_IsAcceptedByMotosAslParser()
    {
        var json = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "functions", "statemachine", "pipeline.asl.json"))
            .Replace("${TransformFunctionArn}", "arn:aws:lambda:us-east-1:123456789012:function:transform", StringComparison.Ordinal);
        using var sfn = new MotoStepFunctions(moto);
        await sfn.EnableExecutionAsync();

        var created = await sfn.CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = MotoServerFixture.UniqueName("pipeline"),
            ["definition"] = json,
            ["roleArn"] = "arn:aws:iam::123456789012:role/state-machine",
        });

        Assert.StartsWith("arn:aws:states:us-east-1:123456789012:stateMachine:pipeline", created["stateMachineArn"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStateMachine_WithAnUnknownIntrinsic_IsRejectedByMotoAndByTheInterpreter()
    {
        const string definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"x.$":"States.Nope($.a)"},"End":true}}}""";
        using var sfn = new MotoStepFunctions(moto);
        await sfn.EnableExecutionAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => sfn.CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = MotoServerFixture.UniqueName("bad"),
            ["definition"] = definition,
            ["roleArn"] = "arn:aws:iam::123456789012:role/state-machine",
        }));
        var local = Assert.Throws<AslDefinitionException>(() => StateMachine.Load(definition));
        Assert.Contains("State 'P' field 'Parameters'", local.Message, StringComparison.Ordinal);
    }

    // moto writes a string output without JSON quotes ("yes" comes back as yes); AWS would quote it.
    private static JsonNode? ParseOutput(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
