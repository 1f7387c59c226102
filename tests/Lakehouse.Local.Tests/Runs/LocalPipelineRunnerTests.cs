using System.Text.Json.Nodes;
using Lakehouse.Local.Runs;
using Lakehouse.Local.Workspaces;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Ingestion;
using Lakehouse.Testing;
using Lakehouse.Testing.IO;

namespace Lakehouse.Local.Tests.Runs;

public sealed class LocalPipelineRunnerTests
{
    private const string Orders = "order_id,customer_id,status,amount,ordered_at\n1,2,placed,3.50,2026-11-22 11:00:00\n2,3,placed,4.00,2026-11-22 11:05:00\n";

    private sealed class Collect : IProgress<IngestionProgress>
    {
        public List<IngestionProgress> Reports { get; } = [];

        public void Report(IngestionProgress value) => Reports.Add(value);
    }

    private static async Task<(LocalWorkspace Workspace, PipelineDefinition Pipeline)> WorkspaceAsync(TempDirectory dir)
    {
        var pipeline = await PipelineDefinitionParser.LoadAsync(Path.Combine(RepositoryPaths.Root, "samples", "retail", "pipeline.yaml"), default);
        var workspace = new LocalWorkspace(dir.Path);
        Directory.CreateDirectory(Path.Combine(workspace.LandingDirectory, "retail", "orders"));
        await File.WriteAllTextAsync(Path.Combine(workspace.LandingDirectory, "retail", "orders", "a.csv"), Orders);
        await File.WriteAllBytesAsync(Path.Combine(workspace.LandingDirectory, "retail", "orders", "broken.csv.gz"), [0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]);
        return (workspace, pipeline);
    }

    private static TransformInvoker Succeed => (input, _) =>
        Task.FromResult<JsonNode?>(new JsonObject { ["table"] = input?["table"]?.DeepClone(), ["status"] = "succeeded" });

    [Fact]
    public async Task RunAsync_ReportsEachFileAsIngestionHandlesIt()
    {
        using var dir = new TempDirectory("runner-progress");
        var (workspace, pipeline) = await WorkspaceAsync(dir);
        var progress = new Collect();
        var runner = new LocalPipelineRunner(workspace, pipeline, Succeed) { IngestionProgress = progress };

        var result = await runner.RunAsync(forceTransforms: false, default);

        Assert.Single(result.Ingestion.Commits);
        Assert.Equal(
            [(1, 2, "retail/orders/a.csv", IngestionFileOutcome.Staged), (2, 2, "retail/orders/broken.csv.gz", IngestionFileOutcome.Quarantined)],
            progress.Reports.Select(r => (r.Done, r.Total, r.Key, r.Outcome)));
        Assert.All(progress.Reports, r => Assert.Equal("orders_bronze", r.Table));
    }

    [Fact]
    public async Task RunAsync_AgainOnTheSameRunner_NeitherRereadsNorReReportsHandledFiles_ButANewRunnerChecksThemAgain()
    {
        using var dir = new TempDirectory("runner-settled");
        var (workspace, pipeline) = await WorkspaceAsync(dir);
        var runner = new LocalPipelineRunner(workspace, pipeline, Succeed);

        var first = await runner.RunAsync(forceTransforms: false, default);
        var second = await runner.RunAsync(forceTransforms: false, default);
        var fresh = await new LocalPipelineRunner(workspace, pipeline, Succeed).RunAsync(forceTransforms: false, default);

        Assert.Single(first.Ingestion.Quarantined);
        Assert.True(second.NothingNew);
        Assert.Empty(second.Ingestion.Quarantined);
        Assert.Empty(second.Ingestion.Skipped);
        Assert.True(fresh.NothingNew);
        Assert.Equal("retail/orders/a.csv", Assert.Single(fresh.Ingestion.Skipped).Key);
        Assert.Single(fresh.Ingestion.Quarantined);
    }

    [Fact]
    public async Task RunAsync_AfterAFileChangesOnTheSameRunner_IngestsItAsANewObject()
    {
        using var dir = new TempDirectory("runner-changed");
        var (workspace, pipeline) = await WorkspaceAsync(dir);
        var runner = new LocalPipelineRunner(workspace, pipeline, Succeed);
        await runner.RunAsync(forceTransforms: false, default);

        await File.WriteAllTextAsync(Path.Combine(workspace.LandingDirectory, "retail", "orders", "a.csv"), Orders + "3,4,placed,5.00,2026-11-22 11:10:00\n");
        var again = await runner.RunAsync(forceTransforms: false, default);

        var commit = Assert.Single(again.Ingestion.Commits);
        Assert.Equal(1, commit.Version);
        Assert.Equal(3, commit.Rows);
    }
}
