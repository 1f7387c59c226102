using Lakehouse.Parquet.Data;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Transforms.Gold;

namespace Lakehouse.Pipelines.Tests.Transforms.Gold;

public sealed class GoldPlanTests
{
    private static readonly StructType Wide = new(GoldScenario.SalesSchema.Fields.Append(new StructField("note", DataType.String)));

    [Fact]
    public void Compile_ReadsOnlyTheColumnsTheFilterKeysAndAggregatesUse()
    {
        var definition = PipelineDefinitionParser.Parse(GoldScenario.Yaml(), "pipeline.yaml").FindGold("by_customer")!;

        var plan = GoldPlan.Compile(definition, definition.From[0], Wide);

        // id (the first column) is kept so a batch always has a column; note is never read.
        Assert.Equal(["id", "region", "customer", "amount", "qty"], plan.Columns);
        Assert.Equal(["customer"], plan.KeySourceColumns);
        Assert.False(plan.ReadsClock);
    }

    [Fact]
    public void Compile_ClockKey_IsFlagged_AndUnusedColumnsAreNotRead()
    {
        var yaml = GoldScenario.Yaml().Replace("groupBy: [region, \"qty % 3\"]", "groupBy: [\"current_date()\"]", StringComparison.Ordinal);
        var definition = PipelineDefinitionParser.Parse(yaml, "pipeline.yaml").FindGold("by_region")!;

        var plan = GoldPlan.Compile(definition, definition.From[0], Wide);

        Assert.Equal(["id", "customer", "amount", "qty"], plan.Columns);
        Assert.Equal([null], plan.KeySourceColumns);
        Assert.True(plan.ReadsClock);
    }
}
