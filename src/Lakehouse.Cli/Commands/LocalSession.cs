using System.Text.Json.Nodes;
using Lakehouse.Local.Runs;
using Lakehouse.Local.Workspaces;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Transforms;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// A pipeline definition opened on a local workspace, wired exactly like the AWS deployment: the Ingest and Transform
/// entry points run in-process and the state machine runs on the embedded ASL definition.
/// </summary>
/// <remarks>
/// Workspace folder: <c>--workspace</c> when given; else the parent of the definition's folder when that folder is named
/// <c>pipelines</c> (the demo layout <c>&lt;ws&gt;/pipelines/&lt;name&gt;.yaml</c>); else the definition's folder.
/// </remarks>
internal sealed class LocalSession
{
    private LocalSession(LocalWorkspace workspace, PipelineDefinition pipeline, string definitionPath)
    {
        Workspace = workspace;
        Pipeline = pipeline;
        DefinitionPath = definitionPath;
        var step = new TransformStep(workspace.Runtime, pipeline);
        Runner = new LocalPipelineRunner(workspace, pipeline, async (input, ct) =>
            await step.RunAsync(TransformRequest.FromJson(input ?? new JsonObject()), ct));
    }

    public LocalWorkspace Workspace { get; }

    public PipelineDefinition Pipeline { get; }

    public string DefinitionPath { get; }

    public LocalPipelineRunner Runner { get; }

    public static async Task<LocalSession> OpenAsync(string definition, string? workspace, CancellationToken cancellationToken)
    {
        var path = ResolveDefinition(definition, workspace);
        var pipeline = await PipelineDefinitionParser.LoadAsync(path, cancellationToken);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var root = workspace ?? (Path.GetFileName(folder) == "pipelines" ? Path.GetDirectoryName(folder)! : folder);
        return new LocalSession(new LocalWorkspace(root), pipeline, path);
    }

    /// <summary>A path to a YAML file, or a pipeline name looked up as <c>&lt;workspace&gt;/pipelines/&lt;name&gt;.yaml</c>.</summary>
    private static string ResolveDefinition(string definition, string? workspace)
    {
        if (File.Exists(definition))
        {
            return definition;
        }

        var byName = Path.Combine(workspace ?? Directory.GetCurrentDirectory(), "pipelines", definition + ".yaml");
        if (File.Exists(byName))
        {
            return byName;
        }

        throw new FileNotFoundException(
            $"No pipeline definition '{definition}': neither a file by that path nor {byName}. Pass the path of a pipeline YAML file (see samples/retail/pipeline.yaml) or run 'lakehouse demo' first.");
    }
}
