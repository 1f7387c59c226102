namespace Lakehouse.Delta.Maintenance;

/// <summary>What VACUUM deleted (or would delete, in a dry run): object keys of unreferenced data files.</summary>
public sealed record VacuumResult(IReadOnlyList<string> Files, bool DryRun, TimeSpan Retention);
