namespace Lakehouse.Pipelines.Ingestion;

/// <summary>The marker written after an object's rows were committed: which object, which bronze table and version.</summary>
public sealed record IngestedMarker(string Object, string ObjectVersion, string Table, long Version, string CommittedAt);
