using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines;
using Lakehouse.Testing;

namespace Lakehouse.Local.Tests.StateMachines.Definition;

/// <summary>Wait states go through the injected delay and read "now" from the injected clock.</summary>
public sealed class WaitStateTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private readonly RecordingDelay _delay;

    public WaitStateTests() => _delay = new RecordingDelay(_clock);

    private async Task<ExecutionResult> RunAsync(string waitFields, string input)
    {
        var definition = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\"," + waitFields + ",\"Next\":\"After\"}," +
            "\"After\":{\"Type\":\"Pass\",\"Parameters\":{\"entered.$\":\"$$.State.EnteredTime\",\"started.$\":\"$$.Execution.StartTime\"},\"End\":true}}}";
        return await StateMachine.Load(definition).ExecuteAsync(JsonNode.Parse(input), new ExecutionOptions { TimeProvider = _clock, Delay = _delay });
    }

    [Fact]
    public async Task Execute_Seconds_WaitsThatLong()
    {
        var result = await RunAsync("\"Seconds\":90", "{}");

        Assert.Equal([TimeSpan.FromSeconds(90)], _delay.Waits);
        Assert.Equal("2026-11-22T10:01:30.000Z", result.Output!["entered"]!.GetValue<string>());
        Assert.Equal("2026-11-22T10:00:00.000Z", result.Output["started"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_SecondsPath_ReadsTheInput()
    {
        await RunAsync("\"SecondsPath\":\"$.wait\"", """{"wait":5}""");

        Assert.Equal([TimeSpan.FromSeconds(5)], _delay.Waits);
    }

    [Fact]
    public async Task Execute_Timestamp_WaitsUntilThen()
    {
        await RunAsync("\"Timestamp\":\"2026-11-22T10:10:00Z\"", "{}");

        Assert.Equal([TimeSpan.FromMinutes(10)], _delay.Waits);
    }

    [Fact]
    public async Task Execute_TimestampPathInThePast_DoesNotWait()
    {
        await RunAsync("\"TimestampPath\":\"$.until\"", """{"until":"2026-11-22T09:00:00Z"}""");

        Assert.Equal([TimeSpan.Zero], _delay.Waits);
    }

    [Theory]
    [InlineData("\"SecondsPath\":\"$.wait\"", """{"wait":-1}""")]
    [InlineData("\"SecondsPath\":\"$.wait\"", """{"wait":"5"}""")]
    [InlineData("\"SecondsPath\":\"$.wait\"", """{}""")]
    [InlineData("\"TimestampPath\":\"$.until\"", """{"until":"soon"}""")]
    public async Task Execute_BadPathValue_FailsWithStatesRuntime(string fields, string input)
    {
        var result = await RunAsync(fields, input);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("States.Runtime", result.Error);
        Assert.Contains("State 'W'", result.Cause, StringComparison.Ordinal);
    }
}
