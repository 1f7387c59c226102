namespace Lakehouse.Pipelines.Ingestion;

/// <summary>What an ingestion call did with each object it was given: ingested, skipped (duplicate) or quarantined.</summary>
public sealed record IngestionResult(
    IReadOnlyList<TableCommit> Commits,
    IReadOnlyList<IngestedFile> Ingested,
    IReadOnlyList<SkippedFile> Skipped,
    IReadOnlyList<QuarantinedFile> Quarantined)
{
    public long RowsWritten => Ingested.Sum(f => f.Rows);
}
