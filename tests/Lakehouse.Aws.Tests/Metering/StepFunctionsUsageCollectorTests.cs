using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lakehouse.Aws.Metering;
using Lakehouse.Aws.S3;
using Lakehouse.Aws.StepFunctions;
using Lakehouse.Pipelines.Billing;
using Lakehouse.Pipelines.Metering;
using Lakehouse.Testing;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Aws.Tests.Metering;

[Collection("moto")]
public sealed class StepFunctionsUsageCollectorTests(MotoServerFixture moto)
{
    private const string Role = "arn:aws:iam::123456789012:role/lakehouse-pipeline";
    private const string Workspace = "ws-sfn";
    private const string CursorKey = "lakehouse/billable-usage/collectors/step-functions.json";

    /// <summary>
    /// Pass, an Inline Map over two tables, a Lambda task that fails (no such function in moto) and is retried once and
    /// then caught, a 2-second Wait, Succeed. Billed transitions: Prepare, Tables, Transform ×2, Notify + 1 retry,
    /// Settle, Done = 8.
    /// </summary>
    private const string RetryingDefinition = """
        {"StartAt":"Prepare","States":{
          "Prepare":{"Type":"Pass","Next":"Tables"},
          "Tables":{"Type":"Map","ItemsPath":"$.tables","ResultPath":null,
            "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Transform","States":{"Transform":{"Type":"Pass","End":true}}},
            "Next":"Notify"},
          "Notify":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:missing",
            "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":1,"MaxAttempts":1,"BackoffRate":1}],
            "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Settle"}],"Next":"Settle"},
          "Settle":{"Type":"Wait","Seconds":2,"Next":"Done"},
          "Done":{"Type":"Succeed"}}}
        """;

    private static readonly IReadOnlyDictionary<string, string> RetailTags = new Dictionary<string, string> { ["team"] = "retail" };

    [Fact]
    public async Task Collect_RunExecutedByMoto_IsRecordedOnceTheNightAfterItFinishes_AndReconcilesWithTheCsv()
    {
        await using var mode = await MotoStepFunctionsMode.ExecutingAsync(moto);
        using var client = StepFunctions();
        using var dynamo = moto.CreateDynamoDbClient();
        using var s3 = moto.CreateS3Client();
        var (usage, logs) = await StoresAsync(dynamo, s3);
        var machine = await client.CreateStateMachineAsync(MotoServerFixture.UniqueName("pipeline"), RetryingDefinition, Role, default);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var collector = Collector(client, usage, logs, machine, clock, TimeSpan.FromMinutes(5));

        var started = await client.StartExecutionAsync(machine, "retail-run-1", """{"pipeline":"retail","runId":"retail-run-1","tables":["orders","customers"]}""", default);
        var tonight = await collector.CollectAsync(default);   // still retrying or waiting: nothing to bill yet
        var finished = await WaitUntilFinishedAsync(client, started.ExecutionArn);
        clock.SetUtcNow(DateTimeOffset.UtcNow.AddDays(1));
        var nextNight = await collector.CollectAsync(default);
        clock.Advance(TimeSpan.FromDays(1));
        var thirdNight = await collector.CollectAsync(default);

        Assert.Equal("SUCCEEDED", finished.Status);
        Assert.Equal((1, 0), (tonight.Examined, tonight.Recorded));
        Assert.Equal((1, 8L), (nextNight.Recorded, nextNight.StateTransitions));
        Assert.Equal(0, thirdNight.Recorded);
        var day = finished.StopDate!.Value;
        var records = await ReadAsync(usage, day);
        var record = Assert.Single(records);
        Assert.Equal(started.ExecutionArn, record.RequestId);
        Assert.Equal(UsageKind.Orchestration, record.Kind);
        Assert.Equal(8, record.StateTransitions);
        Assert.Equal("retail", record.Pipeline);
        Assert.Equal(StepFunctionsClient.NameOf(machine), record.Function);
        Assert.Equal(("u-1001", "Retail Analytics", "retail"), (record.OwnerId, record.OwnerName, record.Tags["team"]));
        Assert.True(record.Succeeded);
        Assert.InRange(record.Start, day.AddMilliseconds(-1), day.AddMilliseconds(1));

        // Losing the cursor re-collects everything in the initial look-back: the store keeps one record per execution.
        await logs.DeleteAsync(CursorKey, default);
        var recollected = await collector.CollectAsync(default);
        Assert.Equal(1, recollected.Recorded);
        Assert.Single(await ReadAsync(usage, day));

        // The nightly job (collecting again first) bills the transitions beside an invocation: the CSV reconciles.
        await usage.AppendAsync(Invocation(day.AddMinutes(-1)), default);
        var job = new BillingJob(usage, logs, new BillingOptions("lakehouse", BillingRates.Default), clock) { Collectors = [collector] };
        var run = await job.ExecuteAsync(DateOnly.FromDateTime(day.UtcDateTime), default);
        var file = Assert.Single(run.Files, f => f.Month == day.Month);
        var all = await ReadAsync(usage, day);
        var aggregator = new BillableUsageAggregator(BillingRates.Default);
        Assert.Equal(2, file.Records);
        Assert.Equal(all.Sum(r => aggregator.Contribution(r).Dbus), file.TotalDbus);
        Assert.Equal(0.0002m + 0.0001m, file.TotalDbus); // 8 transitions × 0.025 / 1,000 + 1 s × 1 GB × 0.0001
        var csv = await ReadTextAsync(logs, file.Key);
        var (dbus, hours) = SumColumns(csv);
        Assert.Equal(file.TotalDbus, dbus);
        Assert.Equal(all.Sum(r => aggregator.Contribution(r).MachineHours), hours);
        Assert.Contains("stepfunctions.standard,u-1001,", csv, StringComparison.Ordinal);
        Assert.Contains(",LAKEHOUSE_ORCHESTRATION,0.0002,0,Retail Analytics,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_ManyExecutionsOverPages_PicksUpTheOneThatFinishesLater()
    {
        using var client = StepFunctions();
        using var dynamo = moto.CreateDynamoDbClient();
        using var s3 = moto.CreateS3Client();
        var (usage, logs) = await StoresAsync(dynamo, s3);
        var machine = await client.CreateStateMachineAsync(MotoServerFixture.UniqueName("pipeline"), """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""", Role, default);
        var arns = new List<string>();
        foreach (var name in new[] { "run-1", "run-2", "run-3" })
        {
            arns.Add((await client.StartExecutionAsync(machine, name, $$"""{"pipeline":"retail","runId":"{{name}}"}""", default)).ExecutionArn);
        }

        await client.StopExecutionAsync(arns[0], "Test", "done", default);
        await client.StopExecutionAsync(arns[1], "Test", "done", default);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var collector = Collector(client, usage, logs, machine, clock, TimeSpan.Zero, pageSize: 1);

        var first = await collector.CollectAsync(default);
        await client.StopExecutionAsync(arns[2], "Test", "done", default); // finishes after tonight's collection
        clock.SetUtcNow(DateTimeOffset.UtcNow.AddDays(1));
        var second = await collector.CollectAsync(default);

        // moto's recording backend answers every history with the same one-state history (input "{}": no pipeline).
        Assert.Equal((3, 2, 2L), (first.Examined, first.Recorded, first.StateTransitions));
        Assert.Equal(1, second.Recorded);
        var records = await ReadAsync(usage, clock.GetUtcNow().AddDays(-1));
        Assert.Equal(arns.Order(StringComparer.Ordinal), records.Select(r => r.RequestId).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.Equal((1L, string.Empty, false), (r.StateTransitions, r.Pipeline, r.Succeeded)));
    }

    [Fact]
    public async Task Collect_WithoutListPermissionOrMachine_FailsWithoutMovingTheCursor()
    {
        using var client = StepFunctions();
        using var dynamo = moto.CreateDynamoDbClient();
        using var s3 = moto.CreateS3Client();
        var (usage, logs) = await StoresAsync(dynamo, s3);
        var collector = Collector(client, usage, logs, "arn:aws:states:us-east-1:123456789012:stateMachine:gone", new FakeTimeProvider(DateTimeOffset.UtcNow), TimeSpan.Zero);

        var error = await Assert.ThrowsAsync<StepFunctionsException>(() => collector.CollectAsync(default));

        Assert.Equal("StateMachineDoesNotExist", error.AwsErrorCode);
        Assert.Null(await logs.HeadAsync(CursorKey, default));
    }

    [Fact]
    public async Task Collect_WithAnUnreadableCursor_StartsOverFromTheInitialLookBack()
    {
        using var client = StepFunctions();
        using var dynamo = moto.CreateDynamoDbClient();
        using var s3 = moto.CreateS3Client();
        var (usage, logs) = await StoresAsync(dynamo, s3);
        var machine = await client.CreateStateMachineAsync(MotoServerFixture.UniqueName("pipeline"), """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""", Role, default);
        var run = await client.StartExecutionAsync(machine, "run-1", """{"pipeline":"retail"}""", default);
        await client.StopExecutionAsync(run.ExecutionArn, "Test", "done", default);
        await logs.PutAsync(CursorKey, new MemoryStream("{not json"u8.ToArray()), default);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

        var report = await Collector(client, usage, logs, machine, clock, TimeSpan.Zero).CollectAsync(default);

        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromDays(35), report.Since);
        Assert.Equal(1, report.Recorded);
        var cursor = await ReadTextAsync(logs, CursorKey);
        Assert.Contains($"\"collectedAt\": \"{clock.GetUtcNow().UtcDateTime:O}\"", cursor, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"pipeline":"retail","runId":"r1"}""", "retail")]
    [InlineData("""{"runId":"r1"}""", "")]
    [InlineData("""{"pipeline":7}""", "")]
    [InlineData("""["retail"]""", "")]
    [InlineData("not json", "")]
    [InlineData(null, "")]
    public void PipelineOf_ExecutionInput_IsThePipelineMemberOrEmpty(string? input, string expected) =>
        Assert.Equal(expected, StepFunctionsUsageCollector.PipelineOf(input));

    [Fact]
    public void Constructor_WithAnExecutionArnInsteadOfAStateMachineArn_Throws()
    {
        using var client = StepFunctions();
        var options = new StepFunctionsCollectorOptions(Workspace, "arn:aws:states:us-east-1:123456789012:execution:pipeline:run-1", CursorKey);

        var error = Assert.Throws<ArgumentException>(() => new StepFunctionsUsageCollector(client, new ObjectStoreUsageStore(new Lakehouse.Delta.Storage.InMemoryObjectStore()), new Lakehouse.Delta.Storage.InMemoryObjectStore(), options));

        Assert.Contains("is not a state machine ARN", error.Message, StringComparison.Ordinal);
    }

    private StepFunctionsClient StepFunctions() =>
        new(new StepFunctionsClientOptions(MotoServerFixture.Region, MotoServerFixture.Credentials) { ServiceUrl = new Uri(moto.Endpoint) });

    private static StepFunctionsUsageCollector Collector(StepFunctionsClient client, IUsageStore usage, S3ObjectStore logs, string machine, TimeProvider clock, TimeSpan overlap, int pageSize = 100) =>
        new(client, usage, logs, new StepFunctionsCollectorOptions(Workspace, machine, CursorKey)
        {
            Overlap = overlap,
            PageSize = pageSize,
            Attribution = (pipeline, _) => Task.FromResult(pipeline == "retail" ? new UsageAttribution("u-1001", "Retail Analytics", RetailTags) : null),
        }, clock);

    private static async Task<(DynamoDbUsageStore Usage, S3ObjectStore Logs)> StoresAsync(IAmazonDynamoDB dynamo, Amazon.S3.IAmazonS3 s3)
    {
        var table = MotoServerFixture.UniqueName("usage");
        await dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S)],
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
        });
        var bucket = MotoServerFixture.UniqueName("logs");
        await s3.PutBucketAsync(bucket);
        return (new DynamoDbUsageStore(dynamo, table), new S3ObjectStore(s3, new S3ObjectStoreOptions(bucket)));
    }

    private static async Task<ExecutionDescription> WaitUntilFinishedAsync(StepFunctionsClient client, string executionArn)
    {
        for (var i = 0; i < 300; i++)
        {
            var described = await client.DescribeExecutionAsync(executionArn, default);
            if (described.Status != "RUNNING")
            {
                return described;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"moto execution {executionArn} was still RUNNING after 30 s.");
    }

    private static async Task<List<UsageRecord>> ReadAsync(IUsageStore usage, DateTimeOffset day)
    {
        var from = new DateTimeOffset(day.UtcDateTime.Date, TimeSpan.Zero).AddDays(-1);
        var records = new List<UsageRecord>();
        await foreach (var r in usage.ReadAsync(Workspace, from, from.AddDays(3), default))
        {
            records.Add(r);
        }

        return records;
    }

    private static UsageRecord Invocation(DateTimeOffset start) => new()
    {
        WorkspaceId = Workspace,
        RequestId = Guid.NewGuid().ToString(),
        Kind = UsageKind.Transform,
        Pipeline = "retail",
        Stage = "silver/orders",
        Function = "lakehouse-dev-transform",
        Start = start,
        End = start.AddSeconds(1),
        BilledDurationMs = 1000,
        MemoryMb = 1024,
        OwnerId = "u-1001",
        OwnerName = "Retail Analytics",
    };

    private static async Task<string> ReadTextAsync(S3ObjectStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key, default);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static (decimal Dbus, decimal Hours) SumColumns(string csvText)
    {
        using var csv = CsvHelper.CsvReader.FromText(csvText, null);
        decimal dbus = 0, hours = 0;
        while (csv.Read())
        {
            dbus += decimal.Parse(csv.GetString(8), CultureInfo.InvariantCulture);
            hours += decimal.Parse(csv.GetString(9), CultureInfo.InvariantCulture);
        }

        return (dbus, hours);
    }
}
