using System.Text.Json.Nodes;
using Lakehouse.Local.Runs;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Ingestion;

namespace Lakehouse.Cli.Output;

/// <summary>
/// Connects a pipeline run to a progress view: each landed file as ingestion handles it (<c>ingest</c>), and each
/// Transform task of the state machine as it ends (<c>transform</c>, of every silver and gold table).
/// </summary>
internal sealed class RunProgress(PipelineDefinition pipeline) : IProgress<IngestionProgress>
{
    private int _transformsDone;

    /// <summary>The view of the run in progress (null between runs).</summary>
    public IProgressView? View { get; private set; }

    public void Begin(IProgressView view)
    {
        View = view;
        Interlocked.Exchange(ref _transformsDone, 0);
    }

    public void End() => View = null;

    public void Report(IngestionProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        View?.Report("ingest", value.Done, value.Total, $"{value.Key}: {value.Outcome.ToString().ToLowerInvariant()}");
    }

    /// <summary>Wraps the Transform entry point so each task's end is reported.</summary>
    public TransformInvoker Wrap(TransformInvoker transform) => async (input, ct) =>
    {
        if (input?["table"] is null)
        {
            // The run-level failure record (the state machine's Catch) is no table step.
            return await transform(input, ct).ConfigureAwait(false);
        }

        var name = $"{input["layer"]?.GetValue<string>()}/{input["table"]?.GetValue<string>()}";
        var total = pipeline.Silver.Count + pipeline.Gold.Count;
        try
        {
            var result = await transform(input, ct).ConfigureAwait(false);
            View?.Report("transform", Interlocked.Increment(ref _transformsDone), total, name + Outcome(result));
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            View?.Report("transform", Interlocked.Increment(ref _transformsDone), total, $"{name}: failed ({e.Message.ReplaceLineEndings(" ")})");
            throw;
        }
    };

    private static string Outcome(JsonNode? result)
    {
        var status = result?["status"] is JsonValue s && s.TryGetValue<string>(out var text) ? text : "done";
        return result?["versionWritten"] is JsonValue v && v.TryGetValue<long>(out var version)
            ? $": {status}, version {version}, {result["rowsWritten"]?.ToJsonString() ?? "?"} row(s)"
            : $": {status}";
    }
}
