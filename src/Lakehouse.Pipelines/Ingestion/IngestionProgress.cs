namespace Lakehouse.Pipelines.Ingestion;

/// <summary>
/// Progress of one <see cref="IngestionService.IngestAsync"/> call, reported after each file: <paramref name="Done"/> of
/// <paramref name="Total"/> files are handled, the last one being <paramref name="Key"/> with <paramref name="Outcome"/>.
/// Staged files become visible only with their table's commit, which follows the table's last file.
/// </summary>
public sealed record IngestionProgress(int Done, int Total, string Key, string? Table, IngestionFileOutcome Outcome);
