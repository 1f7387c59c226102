namespace Lakehouse.Delta.Maintenance;

/// <summary>What OPTIMIZE did: files removed and added, and the commit version (null when there was nothing to do).</summary>
public sealed record OptimizeResult(int FilesRemoved, int FilesAdded, long? Version);
