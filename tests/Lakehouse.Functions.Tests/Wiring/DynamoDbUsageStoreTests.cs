using Lakehouse.Aws.Metering;
using Lakehouse.Pipelines.Metering;
using Lakehouse.Testing.Aws;

namespace Lakehouse.Functions.Tests.Wiring;

[Collection("moto")]
public sealed class DynamoDbUsageStoreTests(MotoServerFixture moto)
{
    private static readonly DateTimeOffset Day = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    private static UsageRecord Record(string ws, string id, DateTimeOffset start, long ms = 1500) => new()
    {
        WorkspaceId = ws,
        RequestId = id,
        Kind = UsageKind.Transform,
        Pipeline = "retail",
        Stage = "silver/orders",
        Function = "transform",
        Start = start,
        End = start.AddMilliseconds(ms),
        BilledDurationMs = ms,
        MemoryMb = 2048,
        Architecture = "arm64",
        Succeeded = false,
        OwnerId = "u-1",
        OwnerName = "Retail",
        Tags = new Dictionary<string, string> { ["team"] = "analytics" },
    };

    private async Task<DynamoDbUsageStore> StoreAsync()
    {
        var table = MotoServerFixture.UniqueName("usage");
        var client = moto.CreateDynamoDbClient();
        await TestBed.CreateUsageTableAsync(client, table);
        return new DynamoDbUsageStore(client, table);
    }

    [Fact]
    public async Task Append_SameRequestTwice_KeepsOneRecordWithEveryField()
    {
        var store = await StoreAsync();
        var record = Record("ws-a", "req-1", Day.AddHours(9));

        await store.AppendAsync(record, default);
        await store.AppendAsync(record with { BilledDurationMs = 99 }, default);

        var read = await store.ReadAsync("ws-a", Day, Day.AddDays(1), default).ToListAsync();
        var single = Assert.Single(read);
        Assert.Equal(record with { Tags = single.Tags }, single);
        Assert.Equal("analytics", single.Tags["team"]);
    }

    [Fact]
    public async Task Read_RangeAcrossDays_ReturnsOnlyRecordsStartingInsideIt()
    {
        var store = await StoreAsync();
        foreach (var (id, at) in new[] { ("before", Day.AddTicks(-1)), ("first", Day), ("mid", Day.AddHours(30)), ("last", Day.AddDays(2).AddTicks(-10)), ("after", Day.AddDays(2)) })
        {
            await store.AppendAsync(Record("ws-r", id, at), default);
        }

        var read = await store.ReadAsync("ws-r", Day, Day.AddDays(2), default).Select(r => r.RequestId).ToListAsync();

        Assert.Equal(["first", "last", "mid"], read.Order());
    }

    [Fact]
    public async Task Read_ManyRecordsInOneDay_PagesThroughAll()
    {
        var store = await StoreAsync();
        var big = new string('x', 3000);
        for (var i = 0; i < 400; i++)
        {
            await store.AppendAsync(Record("ws-p", $"req-{i:D4}", Day.AddSeconds(i)) with { OwnerName = big }, default);
        }

        var count = await store.ReadAsync("ws-p", Day, Day.AddDays(1), default).CountAsync();

        Assert.Equal(400, count);
    }

    [Fact]
    public async Task ListWorkspaces_UsesDayMarkers_ReturnsWorkspacesWithUsageInRange()
    {
        var store = await StoreAsync();
        await store.AppendAsync(Record("ws-b", "1", Day.AddHours(1)), default);
        await store.AppendAsync(Record("ws-a", "2", Day.AddDays(1)), default);
        await store.AppendAsync(Record("ws-c", "3", Day.AddDays(5)), default);

        var workspaces = await store.ListWorkspacesAsync(Day, Day.AddDays(2), default);

        Assert.Equal(["ws-a", "ws-b"], workspaces);
    }
}
