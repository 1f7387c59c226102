using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines;
using Lakehouse.Local.StateMachines.Events;
using Lakehouse.Local.StateMachines.Tasks;

namespace Lakehouse.Local.Tests.StateMachines.Definition;

/// <summary>Map and Parallel concurrency, iteration events and failure propagation.</summary>
public sealed class MapStateTests
{
    private const string MapOverTask = """
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":MAX,
          "ItemSelector":{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value"},
          "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"work","End":true}}},"End":true}}}
        """;

    private static (ITaskHandler Handler, Func<int> Peak) Tracking(Func<JsonNode?, JsonNode?>? body = null)
    {
        var running = 0;
        var peak = 0;
        var gate = new object();
        var handler = TaskHandler.From(async (input, _, ct) =>
        {
            lock (gate)
            {
                running++;
                peak = Math.Max(peak, running);
            }

            await Task.Delay(15, ct);
            lock (gate)
            {
                running--;
            }

            return body is null ? input : body(input);
        });
        return (handler, () => peak);
    }

    private static JsonObject Items(int count) => new() { ["items"] = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode?)JsonValue.Create($"x{i}")).ToArray()) };

    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(2, 0, 2)]
    [InlineData(0, 3, 3)]
    [InlineData(5, 2, 2)]
    public async Task Execute_MaxConcurrency_LimitsConcurrentIterations(int definitionMax, int executionCap, int expectedPeak)
    {
        var (handler, peak) = Tracking();

        var result = await StateMachine.Load(MapOverTask.Replace("MAX", definitionMax.ToString(), StringComparison.Ordinal))
            .ExecuteAsync(Items(8), new ExecutionOptions { Handlers = new Dictionary<string, ITaskHandler> { ["work"] = handler }, MaxConcurrency = executionCap });

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.InRange(peak(), 1, expectedPeak);
        var outputs = result.Output!.AsArray();
        Assert.Equal(Enumerable.Range(0, 8), outputs.Select(o => o!["i"]!.GetValue<int>()));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"x{i}"), outputs.Select(o => o!["v"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Execute_MapIterations_AreRecordedWithTheirIndex()
    {
        var (handler, _) = Tracking();

        var result = await StateMachine.Load(MapOverTask.Replace("MAX", "0", StringComparison.Ordinal))
            .ExecuteAsync(Items(3), new ExecutionOptions { Handlers = new Dictionary<string, ITaskHandler> { ["work"] = handler } });

        Assert.Equal([0, 1, 2], result.History.Where(e => e.Type == ExecutionEventType.MapIterationSucceeded).Select(e => e.MapIndex!.Value).Order());
        Assert.Equal([0, 1, 2], result.History.Where(e => e.Type == ExecutionEventType.TaskSucceeded).Select(e => e.MapIndex!.Value).Order());
        Assert.Equal(4, result.StateTransitions);
        Assert.Equal(Enumerable.Range(1, result.History.Count).Select(i => (long)i), result.History.Select(e => e.Id));
    }

    [Fact]
    public async Task Execute_OneIterationFails_CancelsTheOthersAndFailsTheMap()
    {
        var cancelled = 0;
        var started = 0;
        var completed = 0;
        var handler = TaskHandler.From(async (input, _, ct) =>
        {
            if (input!["i"]!.GetValue<int>() == 0)
            {
                await Task.Yield();
                throw new TaskFailedException("Table.Broken", "item 0");
            }

            Interlocked.Increment(ref started);
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
                Interlocked.Increment(ref completed);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref cancelled);
                throw;
            }

            return null;
        });

        var result = await StateMachine.Load(MapOverTask.Replace("MAX", "0", StringComparison.Ordinal))
            .ExecuteAsync(Items(4), new ExecutionOptions { Handlers = new Dictionary<string, ITaskHandler> { ["work"] = handler } });

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("Table.Broken", result.Error);
        Assert.Equal("item 0", result.Cause);
        // Iterations already running are cancelled; iterations not yet started when item 0 failed never start.
        Assert.Equal(Volatile.Read(ref started), Volatile.Read(ref cancelled));
        Assert.Equal(0, Volatile.Read(ref completed));
        Assert.Contains(result.History, e => e.Type == ExecutionEventType.MapIterationFailed && e.MapIndex == 0);
    }

    [Fact]
    public async Task Execute_ParallelBranches_RunConcurrently()
    {
        const string definition = """
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"work","End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Task","Resource":"work","End":true}}},
              {"StartAt":"C","States":{"C":{"Type":"Task","Resource":"work","End":true}}}],"End":true}}}
            """;
        var (handler, peak) = Tracking(input => JsonValue.Create(input!["n"]!.GetValue<int>() + 1));

        var result = await StateMachine.Load(definition)
            .ExecuteAsync(JsonNode.Parse("""{"n":1}"""), new ExecutionOptions { Handlers = new Dictionary<string, ITaskHandler> { ["work"] = handler } });

        Assert.Equal("[2,2,2]", result.Output!.ToJsonString());
        Assert.InRange(peak(), 1, 3);
    }
}
