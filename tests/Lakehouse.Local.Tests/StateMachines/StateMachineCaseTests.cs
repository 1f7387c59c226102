using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines;

namespace Lakehouse.Local.Tests.StateMachines;

/// <summary>Runs every case of StateMachines/Cases/*.json through the interpreter and compares the outcome.</summary>
public sealed class StateMachineCaseTests
{
    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in AslCase.All)
        {
            data.Add(c.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Execute_Case_ProducesExpectedOutcome(string id)
    {
        var c = AslCase.Get(id);
        var machine = StateMachine.Load(c.Definition.ToJsonString());

        var result = await machine.ExecuteAsync(c.Input, new ExecutionOptions { Name = "case", Delay = new RecordingDelay() });

        if (c.ExpectedError is null)
        {
            Assert.True(result.Status == ExecutionStatus.Succeeded, $"{id} failed: {result.Error}: {result.Cause}");
            Assert.True(JsonNode.DeepEquals(c.Expected, result.Output), $"{id}: expected {c.Expected?.ToJsonString() ?? "null"} but got {result.Output?.ToJsonString() ?? "null"}");
        }
        else
        {
            Assert.Equal(ExecutionStatus.Failed, result.Status);
            Assert.Equal(c.ExpectedError, result.Error);
            if (c.ExpectedCause is not null)
            {
                Assert.Equal(c.ExpectedCause, result.Cause);
            }
        }
    }

    [Fact]
    public void Cases_AreLoaded()
    {
        Assert.True(AslCase.All.Count > 100, $"only {AslCase.All.Count} cases were found");
        Assert.Equal(AslCase.All.Count, AslCase.All.Select(c => c.Id).Distinct().Count());
    }
}
