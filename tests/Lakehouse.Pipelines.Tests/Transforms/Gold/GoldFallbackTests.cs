using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Writing;
using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Transforms;
using Lakehouse.Pipelines.Transforms.Gold;

namespace Lakehouse.Pipelines.Tests.Transforms.Gold;

public sealed class GoldFallbackTests
{
    private static async Task<GoldScenario> AfterFirstRunAsync(GoldIncrementalPolicy? policy = null)
    {
        var s = await GoldIncrementalTests.LoadedAsync(policy);
        await s.RunBothAsync();
        return s;
    }

    private static async Task AssertFullAsync(GoldScenario s, string reason)
    {
        var summary = await s.RunBothAsync();
        Assert.Equal(TransformStatus.Succeeded, (string?)summary["status"]);
        Assert.Equal(GoldStrategyDecision.FullStrategy, (string?)summary["strategy"]);
        Assert.Contains(reason, (string?)summary["message"], StringComparison.Ordinal);
        Assert.Equal(await s.RowsAsync("by_customer_full"), await s.RowsAsync("by_customer"));
        var events = await s.Inner.EventsAsync();
        Assert.Contains(events, e => e.Table == "by_customer" && e.Details is { } d && d.Contains("\"strategy\":\"full\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_SourceSchemaChanged_FallsBackToFull()
    {
        var s = await AfterFirstRunAsync();
        var wider = new StructType(GoldScenario.SalesSchema.Fields.Append(new StructField("channel", DataType.String)));
        await s.Silver.AppendAsync(GoldScenario.Batch(wider, [[9L, "south", 10L, 1.00m, 1, "web"]]), new WriteOptions { MergeSchema = true });

        await AssertFullAsync(s, "changed its schema");
    }

    [Fact]
    public async Task Run_SourceCommitCleanedUp_FallsBackToFull()
    {
        var s = await AfterFirstRunAsync();
        var version = await s.InsertAsync([9L, "south", 10L, 1.00m, 1]);
        await s.InsertAsync([10L, "south", 11L, 1.00m, 1]);
        await s.Silver.CheckpointAsync();
        await s.DeleteCommitFileAsync(s.Silver, version);

        await AssertFullAsync(s, "was cleaned up");
    }

    [Fact]
    public async Task Run_RemovedSourceFileVacuumed_FallsBackToFull()
    {
        var s = await AfterFirstRunAsync();
        var before = await s.Silver.GetSnapshotAsync();
        await s.ChangeAsync(r => (long)r[0]! == 1L ? null : r);
        var after = await s.Silver.GetSnapshotAsync();
        var gone = before.Files.Single(f => !after.Files.Any(n => n.Path == f.Path));
        await s.Silver.Store.DeleteAsync(gone.Key, CancellationToken.None);

        await AssertFullAsync(s, "is gone");
    }

    [Fact]
    public async Task Run_TooManyGroupsAffected_FallsBackToFull()
    {
        var s = await AfterFirstRunAsync(new GoldIncrementalPolicy(MaxAffectedFraction: 0.25, AffectedFloor: 0));
        await s.InsertAsync([9L, "south", 10L, 1.00m, 1], [10L, "south", 11L, 1.00m, 1]);

        await AssertFullAsync(s, "groups are affected");
    }

    [Fact]
    public async Task Run_ChangesLargerThanTheSource_FallsBackToFull()
    {
        var s = await AfterFirstRunAsync();
        await s.ChangeAsync(r => [r[0], r[1], r[2], r[3] is DecimalValue d ? new DecimalValue(d.Unscaled + 100, d.Scale) : null, r[4]]);

        await AssertFullAsync(s, "outweigh the table");
    }

    [Fact]
    public async Task Run_GoldWrittenByAnotherWriter_FallsBackToFull()
    {
        var s = await AfterFirstRunAsync();
        var gold = s.Gold("by_customer");
        var schema = (await gold.GetSnapshotAsync()).Schema;
        await gold.AppendAsync(GoldScenario.Batch(schema, [[99L, 1L, 1L, 1.00m, 1.00m, 1, "x"]]));
        await s.InsertAsync([9L, "south", 10L, 1.00m, 1]);

        await AssertFullAsync(s, "another writer");
        Assert.DoesNotContain(await s.RowsAsync("by_customer"), r => r.StartsWith("99|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_DefinitionChangedWithTheSameSchema_FallsBackToFull()
    {
        var s = await AfterFirstRunAsync();
        var changed = PipelineDefinitionParser.Parse(GoldScenario.Yaml(filter: "qty >= 4"), "pipeline.yaml");
        s.Incremental = new TransformStep(s.Inner.Runtime, changed);
        await s.InsertAsync([9L, "south", 10L, 1.00m, 1]);

        var summary = await s.RunAsync();

        Assert.Equal(GoldStrategyDecision.FullStrategy, (string?)summary["strategy"]);
        Assert.Contains("definition changed", (string?)summary["message"], StringComparison.Ordinal);
        // Customer 11 (qty 3) was not touched by the new row, yet the new filter removes it: only a full recompute does that.
        Assert.Equal(["12|1|1|9.00|9.000000|4|east", "13|1|1|2.00|2.000000|5|north"], await s.RowsAsync("by_customer"));
    }

    [Fact]
    public async Task Run_FullRecompute_RecordsTheDefinitionFingerprint()
    {
        var s = await AfterFirstRunAsync();

        var metadata = (await s.Gold("by_customer").GetSnapshotAsync()).Metadata;

        Assert.Equal(GoldDefinitionFingerprint.Of(s.Inner.Pipeline.FindGold("by_customer")!), metadata.GetConfiguration(GoldDefinitionFingerprint.PropertyName));
        Assert.Equal(32, metadata.GetConfiguration(GoldDefinitionFingerprint.PropertyName)!.Length);
        var commit = await s.CommitActionsAsync(s.Gold("by_customer"), 0);
        Assert.Contains(commit.OfType<CommitInfo>(), c => c.OperationParameters!["strategy"] == "full");
    }
}
