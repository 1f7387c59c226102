using System.Text.Json.Nodes;
using Lakehouse.Local.Workspaces;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Ingestion;
using Lakehouse.Pipelines.Metering;
using Lakehouse.Pipelines.Orchestration;

namespace Lakehouse.Local.Runs;

/// <summary>
/// Runs a pipeline on a workspace (<see cref="LocalWorkspace"/>, or buckets behind <see cref="IWorkspace"/>) as the AWS deployment would: every file in the landing folder
/// that was not ingested yet goes to its bronze table (the Ingest function's job), and when bronze changed the state
/// machine runs the silver and gold transforms (the Transform function's job) in-process.
/// </summary>
public sealed class LocalPipelineRunner
{
    private readonly IWorkspace _workspace;
    private readonly PipelineDefinition _pipeline;
    private readonly UsageRecorder _usage;
    private readonly HashSet<string> _settled = new(StringComparer.Ordinal);

    public LocalPipelineRunner(IWorkspace workspace, PipelineDefinition pipeline, TransformInvoker transform)
    {
        _workspace = workspace ?? throw new ArgumentNullException(nameof(workspace));
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _usage = new UsageRecorder(workspace.Usage, pipeline, workspace.Time);
        Orchestrator = new LocalOrchestrator(workspace, pipeline, transform, _usage);
    }

    public LocalOrchestrator Orchestrator { get; }

    /// <summary>Receives one report per landed file as ingestion handles it (progress display).</summary>
    public IProgress<IngestionProgress>? IngestionProgress { get; init; }

    /// <summary>Keys of landing files that belong to the pipeline's sources, in key order.</summary>
    public async Task<IReadOnlyList<LandedObject>> ListLandedAsync(CancellationToken cancellationToken)
    {
        var objects = new SortedDictionary<string, LandedObject>(StringComparer.Ordinal);
        foreach (var source in _pipeline.Sources)
        {
            var prefix = source.Path.Trim('/');
            await foreach (var info in _workspace.Landing.ListAsync(prefix.Length == 0 ? string.Empty : prefix + "/", null, cancellationToken))
            {
                var name = info.Key[(info.Key.LastIndexOf('/') + 1)..];
                if (name.Length > 0 && !name.StartsWith('.') && !name.StartsWith('_'))
                {
                    objects[info.Key] = new LandedObject(info.Key, info.Size, info.ETag);
                }
            }
        }

        return objects.Values.ToArray();
    }

    /// <summary>
    /// Ingests every new file, then runs the transforms when bronze changed (or always with <paramref name="forceTransforms"/>).
    /// Running again with no new files changes nothing. A runner remembers the objects it handled (ingested, skipped or
    /// quarantined), so its later runs (<c>lakehouse watch</c>) neither re-read nor re-report them; an object with new
    /// content (a new ETag) is new. Not thread-safe: one run at a time.
    /// </summary>
    public async Task<LocalRunResult> RunAsync(bool forceTransforms, CancellationToken cancellationToken)
    {
        var landed = (await ListLandedAsync(cancellationToken)).Where(o => !_settled.Contains(Settled(o))).ToList();
        var service = new IngestionService(_workspace.Runtime, _workspace.Landing, _workspace.LandingName, _pipeline) { Progress = IngestionProgress };
        var ingestion = landed.Count == 0
            ? new IngestionResult([], [], [], [])
            : await _usage.MeasureAsync(UsageKind.Ingest, "local-ingest", "bronze", () => service.IngestAsync(landed, cancellationToken));

        var handled = ingestion.Ingested.Select(f => f.Key)
            .Concat(ingestion.Skipped.Select(f => f.Key))
            .Concat(ingestion.Quarantined.Select(f => f.Key))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var o in landed.Where(o => handled.Contains(o.Key)))
        {
            _settled.Add(Settled(o));
        }

        if (ingestion.Commits.Count == 0 && !forceTransforms)
        {
            return new LocalRunResult(ingestion, null, null);
        }

        var runId = ingestion.Commits.Count == 0
            ? RunIds.Manual(_pipeline.Name, _workspace.Time.GetUtcNow())
            : RunIds.Make($"{_pipeline.Name}-" + string.Join("-", ingestion.Commits.Select(c => $"{c.Table}-v{c.Version}")));
        var trigger = new JsonObject
        {
            ["commits"] = new JsonArray(ingestion.Commits.Select(c => (JsonNode?)new JsonObject { ["table"] = c.Table, ["version"] = c.Version }).ToArray()),
        };
        var (execution, _) = await Orchestrator.RunAsync(PipelinePlanner.Plan(_pipeline, runId, trigger), cancellationToken);
        return new LocalRunResult(ingestion, runId, execution);
    }

    private static string Settled(LandedObject o) => $"{o.Key}\n{o.ETag}\n{o.Size}";

    /// <summary>Copies a local file into the landing store under <paramref name="sourceName"/>'s path (an S3 upload on AWS).</summary>
    public async Task<string> DropAsync(string file, string sourceName, CancellationToken cancellationToken)
    {
        var source = _pipeline.FindSource(sourceName)
            ?? throw new PipelineDefinitionException(
                new SourcePosition(_pipeline.File, 0, 0),
                $"Pipeline '{_pipeline.Name}' has no source '{sourceName}'. Its sources: {string.Join(", ", _pipeline.Sources.Select(s => s.Name))}.");
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"Cannot drop '{file}': no such file.", file);
        }

        var key = $"{source.Path.Trim('/')}/{Path.GetFileName(file)}";
        await using var content = File.OpenRead(file);
        await _workspace.Landing.PutAsync(key, content, cancellationToken);
        return key;
    }
}
