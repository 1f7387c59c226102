namespace Lakehouse.Delta.Maintenance;

/// <summary>Options of VACUUM.</summary>
public sealed record VacuumOptions
{
    /// <summary>Keep files removed less than this long ago; defaults to <c>delta.deletedFileRetentionDuration</c> (7 days).</summary>
    public TimeSpan? Retention { get; init; }

    /// <summary>List what would be deleted without deleting.</summary>
    public bool DryRun { get; init; }

    /// <summary>Allow a retention shorter than the table's <c>delta.deletedFileRetentionDuration</c> (risks breaking
    /// readers of old versions and in-flight writers). Spark calls this disabling retentionDurationCheck.</summary>
    public bool Force { get; init; }

    /// <summary>Receives one report per deleted file (none in a dry run), for progress display.</summary>
    public IProgress<MaintenanceProgress>? Progress { get; init; }
}
