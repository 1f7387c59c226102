using Lakehouse.Delta;
using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Storage;
using Lakehouse.Parquet;
using Lakehouse.Pipelines.Definitions;
using Lakehouse.Pipelines.Lake;
using Lakehouse.Pipelines.Sources;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Pipelines.Ingestion;

/// <summary>
/// Bronze ingestion: streams landed files into their sources' bronze Delta tables, exactly once, with schema inference
/// and evolution, rescued values and quarantine of unreadable files. All files of one call that target one table become
/// one commit.
/// </summary>
/// <remarks>
/// <para><b>Exactly once.</b> Every object has an identity (landing bucket, key, version id or ETag; see
/// <see cref="ObjectIdentity"/>). The commit that appends an object's rows also carries a Delta <c>txn</c> action with the
/// app id <c>ingest/&lt;hash&gt;</c>, so claiming the object and committing its rows are one atomic step: a redelivered
/// event sees the app id in the snapshot and skips; two concurrent invocations for one object both write data files,
/// but the Delta conflict checker lets only one commit with that app id (the other re-reads, finds the object ingested,
/// deletes its own data files and reports a skip); a crash before the commit leaves only unreferenced data files
/// (removed by VACUUM) and the retry ingests again.</para>
/// <para><b>Bounded snapshots.</b> Bronze tables are created with <c>delta.setTransactionRetentionDuration</c>
/// (default 30 days), so checkpoints drop old app ids and the snapshot does not grow with every file ever ingested.
/// After each commit a small marker object (<c>_system/ingested/&lt;source&gt;/&lt;hash&gt;.json</c>, naming the version)
/// is written; it keeps duplicates out after the app id has expired. The marker is written after the commit, and the
/// txn covers the window in between.</para>
/// <para><b>Crash after the commit.</b> A skipped file reports the bronze version that ingested it, so the caller can
/// (re)start that version's pipeline run with its deterministic run id. When the process died between the commit and
/// the marker, the version is found in the log (the txn version is a lower bound of the commit version, so this reads
/// one or two commit files) and the marker is restored.</para>
/// </remarks>
public sealed partial class IngestionService
{
    /// <summary>Default <c>delta.setTransactionRetentionDuration</c> of bronze tables.</summary>
    public const string DefaultTransactionRetention = "interval 30 days";

    private const int MaxCommitAttempts = 8;

    private readonly LakehouseRuntime _runtime;
    private readonly IObjectStore _landing;
    private readonly string _landingName;
    private readonly PipelineDefinition _pipeline;
    private readonly SourceReaderOptions? _readerOptions;
    private readonly QuarantineWriter _quarantine;
    private readonly ILogger _logger;

    /// <param name="runtime">The lake and its commit coordination.</param>
    /// <param name="landing">The landing store the object keys refer to.</param>
    /// <param name="landingName">The landing bucket's name (part of every object's identity).</param>
    /// <param name="pipeline">The pipeline whose sources decide where each file goes.</param>
    /// <param name="readerOptions">Reader tuning (batch size, inference sample); defaults when null.</param>
    public IngestionService(LakehouseRuntime runtime, IObjectStore landing, string landingName, PipelineDefinition pipeline, SourceReaderOptions? readerOptions = null)
    {
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        _landing = landing ?? throw new ArgumentNullException(nameof(landing));
        _landingName = landingName ?? throw new ArgumentNullException(nameof(landingName));
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _readerOptions = readerOptions;
        _quarantine = new QuarantineWriter(runtime, pipeline.Name);
        _logger = runtime.Logging.CreateLogger<IngestionService>();
    }

    /// <summary>
    /// Receives one report per file as it is handled (for progress display). Called on the ingesting task, so a
    /// synchronous <see cref="IProgress{T}"/> implementation sees reports in order; it must not throw.
    /// </summary>
    public IProgress<IngestionProgress>? Progress { get; init; }

    /// <summary>The source whose landing path is a prefix of <paramref name="key"/> (the longest match), or null.</summary>
    public SourceDefinition? MatchSource(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        SourceDefinition? best = null;
        foreach (var source in _pipeline.Sources)
        {
            var prefix = source.Path.Trim('/');
            if ((prefix.Length == 0 || key.StartsWith(prefix + "/", StringComparison.Ordinal)) && (best is null || prefix.Length > best.Path.Trim('/').Length))
            {
                best = source;
            }
        }

        return best;
    }

    /// <summary>Ingests <paramref name="objects"/>: one commit per bronze table, quarantine reports for unreadable files.</summary>
    public async Task<IngestionResult> IngestAsync(IReadOnlyList<LandedObject> objects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var result = new Accumulator { Total = objects.DistinctBy(o => (o.Key, o.VersionId, o.ETag)).Count() };
        var byTable = new Dictionary<string, List<PendingFile>>(StringComparer.Ordinal);
        foreach (var landed in objects.DistinctBy(o => (o.Key, o.VersionId, o.ETag)))
        {
            var identity = ObjectIdentity.Of(_landingName, landed);
            var source = MatchSource(landed.Key);
            if (source is null)
            {
                var sources = string.Join(", ", _pipeline.Sources.Select(s => $"'{s.Name}' ({s.Path.Trim('/')}/)"));
                result.Quarantined.Add(await _quarantine.WriteAsync(
                    _landing, landed, identity, null,
                    $"No source of pipeline '{_pipeline.Name}' reads '{landed.Key}'; its sources are {sources}. Move the file under one of those paths or add a source for it in {_pipeline.File}.",
                    "Lakehouse.NoMatchingSource", null, null, cancellationToken));
                Report(result, landed.Key, null, IngestionFileOutcome.Quarantined);
                continue;
            }

            if (!byTable.TryGetValue(source.Table, out var list))
            {
                byTable[source.Table] = list = [];
            }

            list.Add(new PendingFile(landed, source, identity));
        }

        foreach (var (table, files) in byTable)
        {
            await IngestTableAsync(table, files, result, cancellationToken);
        }

        return new IngestionResult(result.Commits, result.Ingested, result.Skipped, result.Quarantined);
    }

    private void Report(Accumulator result, string key, string? table, IngestionFileOutcome outcome)
    {
        result.Done++;
        Progress?.Report(new IngestionProgress(result.Done, result.Total, key, table, outcome));
    }

    private sealed record PendingFile(LandedObject Landed, SourceDefinition Source, ObjectIdentity Identity);

    private sealed class Accumulator
    {
        public int Total { get; init; }

        public int Done { get; set; }

        public List<TableCommit> Commits { get; } = [];

        public List<IngestedFile> Ingested { get; } = [];

        public List<SkippedFile> Skipped { get; } = [];

        public List<QuarantinedFile> Quarantined { get; } = [];
    }
}
