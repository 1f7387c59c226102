namespace Lakehouse.Delta.Maintenance;

/// <summary>
/// Progress of VACUUM or OPTIMIZE: <paramref name="Done"/> of <paramref name="Total"/> files handled (deleted by VACUUM,
/// read and rewritten by OPTIMIZE), the last one being <paramref name="Key"/>.
/// </summary>
public sealed record MaintenanceProgress(int Done, int Total, string Key);
