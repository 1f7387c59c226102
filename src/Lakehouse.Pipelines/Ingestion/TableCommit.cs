namespace Lakehouse.Pipelines.Ingestion;

/// <summary>One bronze commit made by an ingestion call (all files of a table in one call share it).</summary>
public sealed record TableCommit(string Table, long Version, int Files, long Rows, bool SchemaChanged);
