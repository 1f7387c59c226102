using System.CommandLine;
using System.Text.Json.Nodes;
using Lakehouse.Cli.Output;
using Lakehouse.Cli.Targets;
using Lakehouse.Functions.Pipelines;
using Lakehouse.Local.Runs;
using Lakehouse.Local.Workspaces;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Transforms;

namespace Lakehouse.Cli.Commands;

/// <summary>
/// A pipeline opened on a workspace, wired exactly like the AWS deployment: the Ingest and Transform entry points run
/// in-process and the state machine runs on the embedded ASL definition. The workspace is a local folder, or the
/// landing and lake buckets of an AWS target (<c>--lake</c>/<c>--landing</c> or LAKE_BUCKET/LANDING_BUCKET).
/// </summary>
/// <remarks>
/// Local workspace folder: <c>--workspace</c> when given; else the parent of the definition's folder when that folder is
/// named <c>pipelines</c> (the demo layout <c>&lt;ws&gt;/pipelines/&lt;name&gt;.yaml</c>); else the definition's folder.
/// On AWS the definition is a local YAML file, or a pipeline name read from the lake bucket's <c>_pipelines/&lt;name&gt;.yaml</c>
/// (where the Lambda functions read it).
/// </remarks>
internal sealed class PipelineSession : IDisposable
{
    private readonly RunProgress _progress;
    private readonly IDisposable? _owned;

    public PipelineSession(IWorkspace workspace, PipelineDefinition pipeline, string landingDescription, IDisposable? owned = null)
    {
        Workspace = workspace ?? throw new ArgumentNullException(nameof(workspace));
        Pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        LandingDescription = landingDescription;
        _owned = owned;
        _progress = new RunProgress(pipeline);
        var step = new TransformStep(workspace.Runtime, pipeline);
        Runner = new LocalPipelineRunner(
            workspace,
            pipeline,
            _progress.Wrap(async (input, ct) => await step.RunAsync(TransformRequest.FromJson(input ?? new JsonObject()), ct)))
        {
            IngestionProgress = _progress,
        };
    }

    public IWorkspace Workspace { get; }

    public PipelineDefinition Pipeline { get; }

    /// <summary>Where files land, for messages (a folder or an s3:// location).</summary>
    public string LandingDescription { get; }

    public LocalPipelineRunner Runner { get; }

    /// <summary>Opens <paramref name="definition"/> on AWS when a lake or landing bucket is configured and no <paramref name="workspace"/> is given, else locally.</summary>
    public static async Task<PipelineSession> OpenAsync(CliContext context, ParseResult parse, string definition, string? workspace, string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = AwsTargetSettings.Bind(parse, context.Environment);
        if (workspace is null && (settings.Lake is not null || settings.Landing is not null))
        {
            return await OpenAwsAsync(settings, definition, command, cancellationToken);
        }

        return await OpenLocalAsync(definition, workspace, cancellationToken);
    }

    public static async Task<PipelineSession> OpenLocalAsync(string definition, string? workspace, CancellationToken cancellationToken)
    {
        var path = ResolveDefinition(definition, workspace);
        var pipeline = await PipelineDefinitionParser.LoadAsync(path, cancellationToken);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var root = workspace ?? (Path.GetFileName(folder) == "pipelines" ? Path.GetDirectoryName(folder)! : folder);
        var local = new LocalWorkspace(root);
        return new PipelineSession(local, pipeline, local.LandingDirectory);
    }

    private static async Task<PipelineSession> OpenAwsAsync(AwsTargetSettings settings, string definition, string command, CancellationToken cancellationToken)
    {
        _ = settings.RequireLanding(command);
        _ = settings.RequireLake(command);
        var target = new AwsTarget(settings);
        try
        {
            var workspace = new AwsWorkspace(target, command);
            var pipeline = File.Exists(definition)
                ? await PipelineDefinitionParser.LoadAsync(definition, cancellationToken)
                : await new PipelineDefinitionStore(workspace.Lake).GetAsync(Path.GetFileNameWithoutExtension(definition), cancellationToken);
            return new PipelineSession(workspace, pipeline, workspace.LandingLocation.ToString(), target);
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }

    /// <summary>Runs once (see <see cref="LocalPipelineRunner.RunAsync"/>) with its progress on <paramref name="display"/>.</summary>
    public Task<LocalRunResult> RunAsync(ProgressDisplay display, bool forceTransforms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(display);
        return display.RunAsync(async view =>
        {
            _progress.Begin(view);
            try
            {
                return await Runner.RunAsync(forceTransforms, cancellationToken);
            }
            finally
            {
                _progress.End();
            }
        });
    }

    public void Dispose() => _owned?.Dispose();

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
