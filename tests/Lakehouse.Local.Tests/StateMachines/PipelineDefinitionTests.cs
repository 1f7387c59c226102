using System.Text.Json.Nodes;
using Lakehouse.Local.StateMachines;
using Lakehouse.Local.StateMachines.Events;
using Lakehouse.Local.StateMachines.Tasks;
using Lakehouse.Testing;

namespace Lakehouse.Local.Tests.StateMachines;

/// <summary>functions/statemachine/pipeline.asl.json, end to end, with a fake Transform handler.</summary>
public sealed class PipelineDefinitionTests
{
    private static readonly Dictionary<string, string> Substitutions = new() { ["TransformFunctionArn"] = "local:transform" };

    private readonly FakeTransform _transform = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly RecordingDelay _delay;
    private readonly CollectingEventSink _events = new();

    public PipelineDefinitionTests() => _delay = new RecordingDelay(_clock);

    private static StateMachine LoadPipeline() =>
        StateMachine.Load(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "functions", "statemachine", "pipeline.asl.json")), Substitutions, "pipeline");

    private Task<ExecutionResult> RunAsync(JsonNode input) => LoadPipeline().ExecuteAsync(input, new ExecutionOptions
    {
        Name = "retail-run-1",
        Handlers = new Dictionary<string, ITaskHandler> { ["local:transform"] = _transform },
        TimeProvider = _clock,
        Delay = _delay,
        EventSink = _events,
        Random = new Random(7),
    });

    /// <summary>One wave per layer (none when the layer has no tables).</summary>
    private static JsonObject Input(string[] silver, string[] gold) =>
        Waves(silver.Length == 0 ? [] : [silver], gold.Length == 0 ? [] : [gold]);

    private static JsonObject Waves(string[][] silver, string[][] gold)
    {
        static JsonArray Of(string[][] waves) =>
            new(waves.Select(w => (JsonNode?)new JsonArray(w.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray())).ToArray());
        return new()
        {
            ["pipeline"] = "retail",
            ["runId"] = "run-1",
            ["silverWaves"] = Of(silver),
            ["goldWaves"] = Of(gold),
            ["trigger"] = new JsonObject { ["type"] = "bronzeCommit", ["table"] = "orders_bronze", ["version"] = 3 },
        };
    }

    [Fact]
    public async Task Execute_AllTablesSucceed_RunsSilverThenGoldAndSummarises()
    {
        var result = await RunAsync(Input(["orders", "customers", "products", "stores", "returns"], ["daily_sales", "top_customers"]));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var calls = _transform.Calls;
        Assert.Equal(7, calls.Count);
        var lastSilver = calls.ToList().FindLastIndex(c => c["layer"]!.GetValue<string>() == "silver");
        var firstGold = calls.ToList().FindIndex(c => c["layer"]!.GetValue<string>() == "gold");
        Assert.True(lastSilver < firstGold, "every silver table must be transformed before any gold table");
        Assert.Equal(["customers", "orders", "products", "returns", "stores"], _transform.Tables("silver").Order());
        Assert.All(calls, c =>
        {
            Assert.Equal("retail", c["pipeline"]!.GetValue<string>());
            Assert.Equal("run-1", c["runId"]!.GetValue<string>());
            Assert.Equal(4, c.Count);
        });

        var expected = JsonNode.Parse("""
            {"pipeline":"retail","runId":"run-1","status":"Succeeded",
             "silver":[[{"table":"orders","layer":"silver","rowsWritten":6,"attempt":0},
                        {"table":"customers","layer":"silver","rowsWritten":9,"attempt":0},
                        {"table":"products","layer":"silver","rowsWritten":8,"attempt":0},
                        {"table":"stores","layer":"silver","rowsWritten":6,"attempt":0},
                        {"table":"returns","layer":"silver","rowsWritten":7,"attempt":0}]],
             "gold":[[{"table":"daily_sales","layer":"gold","rowsWritten":11,"attempt":0},
                      {"table":"top_customers","layer":"gold","rowsWritten":13,"attempt":0}]]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, result.Output), result.Output!.ToJsonString());
        Assert.Empty(_delay.Waits);
    }

    [Fact]
    public async Task Execute_TwoSilverWaves_RunsTheSecondWaveOnlyAfterTheFirstFinished()
    {
        var result = await RunAsync(Waves([["orders", "customers"], ["returns"]], [["daily_sales"], ["top_customers"]]));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var tables = _transform.Calls.Select(c => c["table"]!.GetValue<string>()).ToList();
        Assert.Equal(5, tables.Count);
        Assert.Equal(["customers", "orders"], tables.Take(2).Order());
        Assert.Equal(["returns", "daily_sales", "top_customers"], tables.Skip(2));
        Assert.Equal(2, result.Output!["silver"]!.AsArray().Count);
        Assert.Equal("returns", result.Output!["silver"]![1]![0]!["table"]!.GetValue<string>());
        Assert.Equal("top_customers", result.Output!["gold"]![1]![0]!["table"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_MapConcurrency_NeverExceedsFourTablesAtOnce()
    {
        var running = 0;
        var peak = 0;
        var handler = TaskHandler.From(async (input, _, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(20, ct);
            Interlocked.Decrement(ref running);
            return new JsonObject { ["table"] = input!["table"]!.GetValue<string>() };
        });

        var result = await LoadPipeline().ExecuteAsync(Input([.. Enumerable.Range(0, 10).Select(i => $"t{i}")], []), new ExecutionOptions
        {
            Handlers = new Dictionary<string, ITaskHandler> { ["local:transform"] = handler },
        });

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.InRange(peak, 1, 4);
        Assert.Equal(10, result.Output!["silver"]![0]!.AsArray().Count);
    }

    [Fact]
    public async Task Execute_StorageOutcomeUnknown_IsRetriedBecauseStepsAreIdempotent()
    {
        // An S3/DynamoDB timeout whose outcome is unknown: the retried step re-reads its watermark and finds out.
        _transform.Fail("orders", 1, () => new TaskFailedException("Lakehouse.StorageOutcomeUnknown", "PUT of _delta_log/00000000000000000007.json timed out"));

        var result = await RunAsync(Input(["orders"], []));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(2, _transform.Tables("silver").Count(t => t == "orders"));
        var retry = Assert.Single(result.History, e => e.Type == ExecutionEventType.RetryScheduled);
        Assert.Equal("Lakehouse.StorageOutcomeUnknown", retry.Error);
    }

    [Fact]
    public async Task Execute_CommitConflictTwice_RetriesWithJitteredBackoffThenSucceeds()
    {
        _transform.Fail("orders", 2, () => new CommitConflictException("Delta table s3://lake/retail/silver/orders: version 7 was committed concurrently."));

        var result = await RunAsync(Input(["orders", "customers"], ["daily_sales"]));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(3, _transform.Tables("silver").Count(t => t == "orders"));
        Assert.Equal(2, result.Output!["silver"]![0]![0]!["attempt"]!.GetValue<int>());
        Assert.Equal(2, _delay.Waits.Count);
        Assert.InRange(_delay.Waits[0], TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.InRange(_delay.Waits[1], TimeSpan.Zero, TimeSpan.FromSeconds(2));
        var retries = result.History.Where(e => e.Type == ExecutionEventType.RetryScheduled).ToList();
        Assert.Equal(["Lakehouse.CommitConflict", "Lakehouse.CommitConflict"], retries.Select(r => r.Error));
        Assert.Equal([1, 2], retries.Select(r => r.RetryCount!.Value));
        Assert.All(retries, r => Assert.Equal("TransformSilverTable", r.StateName));
    }

    [Fact]
    public async Task Execute_ConflictEveryTime_GivesUpAfterSixRetriesAndFails()
    {
        _transform.Fail("orders", -1, () => new CommitConflictException("always conflicting"));

        var result = await RunAsync(Input(["orders"], ["daily_sales"]));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("Lakehouse.CommitConflict", result.Error);
        Assert.Equal(7, _transform.Tables("silver").Count());
        Assert.Equal(6, _delay.Waits.Count);
        Assert.All(_delay.Waits, w => Assert.InRange(w, TimeSpan.Zero, TimeSpan.FromSeconds(30)));
        Assert.Empty(_transform.Tables("gold"));
    }

    [Fact]
    public async Task Execute_TableFailsWithANonRetryableError_RecordsTheFailureAndFailsWithTheError()
    {
        _transform.Fail("customers", -1, () => new InvalidOperationException("Column 'email' is missing from s3://landing/retail/customers/c.csv."));

        var result = await RunAsync(Input(["orders", "customers"], ["daily_sales"]));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("InvalidOperationException", result.Error);
        Assert.Equal("Column 'email' is missing from s3://landing/retail/customers/c.csv.", result.Cause);
        Assert.Equal(1, _transform.Tables("silver").Count(t => t == "customers"));
        Assert.Empty(_transform.Tables("gold"));
        var record = Assert.Single(_transform.Calls, c => c["action"]?.GetValue<string>() == "recordFailure");
        var expected = JsonNode.Parse("""
            {"action":"recordFailure","pipeline":"retail","runId":"run-1",
             "error":{"Error":"InvalidOperationException","Cause":"Column 'email' is missing from s3://landing/retail/customers/c.csv."}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, record), record.ToJsonString());
        Assert.Equal(
            ["SilverWaves", "RecordFailure", "PipelineFailed"],
            result.History.Where(e => e.Type == ExecutionEventType.StateEntered && e.MapIndex is null).Select(e => e.StateName));
    }

    [Fact]
    public async Task Execute_GoldTableFails_SilverResultsAreKeptAndTheRunFails()
    {
        _transform.Fail("daily_sales", -1, () => new TaskFailedException("Lakehouse.ExpectationFailed", "expectation 'amount >= 0' failed for 3 rows"));

        var result = await RunAsync(Input(["orders"], ["daily_sales"]));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("Lakehouse.ExpectationFailed", result.Error);
        Assert.Equal("expectation 'amount >= 0' failed for 3 rows", result.Cause);
        Assert.Single(_transform.Tables("silver"));
        Assert.Contains(_transform.Calls, c => c["action"]?.GetValue<string>() == "recordFailure");
    }

    [Fact]
    public async Task Execute_EmptyTableLists_SucceedsWithoutCallingTheTransform()
    {
        var result = await RunAsync(Input([], []));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Empty(_transform.Calls);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"pipeline":"retail","runId":"run-1","status":"Succeeded","silver":[],"gold":[]}"""),
            result.Output));
        Assert.Equal(3, result.StateTransitions);
    }

    [Fact]
    public async Task Execute_TwoTables_CountsEveryStateTransition()
    {
        _transform.Fail("orders", 1, () => new TaskFailedException("Lambda.TooManyRequestsException", "Rate exceeded"));

        var result = await RunAsync(Input(["orders", "customers"], ["daily_sales"]));

        // SilverWaves, SilverWave, 2 × TransformSilverTable, 1 retry, GoldWaves, GoldWave, 1 × TransformGoldTable, Succeeded.
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(9, result.StateTransitions);
        Assert.Equal(result.History, _events.Events.OrderBy(e => e.Id));
        Assert.Equal(ExecutionEventType.ExecutionStarted, result.History[0].Type);
        Assert.Equal(ExecutionEventType.ExecutionSucceeded, result.History[^1].Type);
    }

    [Fact]
    public void Load_WithoutTheSubstitution_NamesTheMissingPlaceholder()
    {
        var json = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "functions", "statemachine", "pipeline.asl.json"));

        var e = Assert.Throws<AslDefinitionException>(() => StateMachine.Load(json));

        Assert.Contains("${TransformFunctionArn}", e.Message, StringComparison.Ordinal);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
