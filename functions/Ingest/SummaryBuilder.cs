using Lakehouse.Lambda.Events.Sqs;
using Lakehouse.Pipelines.Ingestion;

namespace Lakehouse.Functions.Ingest;

/// <summary>Collects the outcome of every pipeline of one invocation into an <see cref="IngestSummary"/>.</summary>
internal sealed class SummaryBuilder
{
    public List<CommitSummary> Commits { get; } = [];

    public List<SkippedSummary> Skipped { get; } = [];

    public List<QuarantineSummary> Quarantined { get; } = [];

    public List<RunSummary> Runs { get; } = [];

    public List<FailureSummary> Failures { get; } = [];

    public Exception? FirstError { get; private set; }

    public IEnumerable<string> FailedPipelines => Failures.Select(f => f.Pipeline);

    private long RowsWritten { get; set; }

    public void Add(string pipeline, IngestionResult result)
    {
        Commits.AddRange(result.Commits.Select(c => new CommitSummary(pipeline, c.Table, c.Version, c.Files, c.Rows)));
        Skipped.AddRange(result.Skipped.Select(s => new SkippedSummary(pipeline, s.Key, s.Table, s.Version, s.Reason)));
        Quarantined.AddRange(result.Quarantined.Select(q => new QuarantineSummary(pipeline, q.Key, q.Reason, q.ErrorType, q.ReportKey)));
        RowsWritten += result.RowsWritten;
    }

    public void Fail(FailureSummary failure, Exception error)
    {
        Failures.Add(failure);
        FirstError ??= error;
    }

    public IngestSummary Build(IReadOnlyList<SqsBatchItemFailure>? batchItemFailures) =>
        new(Commits, RowsWritten, Skipped, Quarantined, Runs, Failures, batchItemFailures);
}
