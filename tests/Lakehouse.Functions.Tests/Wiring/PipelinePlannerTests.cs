using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Orchestration;
using Lakehouse.Testing;

namespace Lakehouse.Functions.Tests.Wiring;

public sealed class PipelinePlannerTests
{
    private const string Yaml = """
        version: 1
        pipeline: p
        workspace: ws
        owner: { id: u-1 }
        sources:
          - { name: orders, path: p/orders/, format: csv, table: orders_bronze }
        silver:
          - { name: enriched, from: orders, select: [order_id] }
          - { name: orders, from: orders_bronze }
          - { name: latest, from: enriched }
          - { name: other, from: orders_bronze }
        gold:
          - name: totals
            from: [orders]
            groupBy: [order_id]
            aggregations:
              - n: count(*)
        """;

    [Fact]
    public void Plan_SilverReadingSilver_RunsInALaterWave()
    {
        var definition = PipelineDefinitionParser.Parse(Yaml, "p.yaml");

        var plan = PipelinePlanner.Plan(definition, "run-1");

        Assert.Equal([["orders", "other"], ["enriched"], ["latest"]], plan.SilverWaves.Select(w => w.ToArray()).ToArray());
        Assert.Equal([["totals"]], plan.GoldWaves.Select(w => w.ToArray()).ToArray());
        Assert.Equal("p", plan.Pipeline);
    }

    [Fact]
    public async Task Plan_RetailSample_PutsEverySilverAndGoldTableInAWave()
    {
        var definition = await PipelineDefinitionParser.LoadAsync(Path.Combine(RepositoryPaths.Root, "samples", "retail", "pipeline.yaml"), default);

        var plan = PipelinePlanner.Plan(definition, RunIds.ForBronzeCommit("retail", "orders_bronze", 0));

        Assert.Equal(definition.Silver.Select(s => s.Name).Order(), plan.SilverWaves.SelectMany(w => w).Order());
        Assert.Equal(definition.Gold.Select(s => s.Name).Order(), plan.GoldWaves.SelectMany(w => w).Order());
        var input = plan.ToStateMachineInput();
        Assert.Equal("retail-orders_bronze-v0", input["runId"]!.GetValue<string>());
        Assert.Equal(plan.SilverWaves.Count, input["silverWaves"]!.AsArray().Count);
    }
}
