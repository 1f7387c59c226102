namespace Lakehouse.Pipelines.Ingestion;

/// <summary>A file this call did not ingest because it was ingested before (at <paramref name="Version"/> when known).</summary>
public sealed record SkippedFile(string Key, string Table, long? Version, string Reason);
