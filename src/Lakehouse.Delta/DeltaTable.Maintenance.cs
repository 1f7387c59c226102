using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Maintenance;

namespace Lakehouse.Delta;

public sealed partial class DeltaTable
{
    /// <summary>Writes a checkpoint of the latest version (and _last_checkpoint); returns what was written.</summary>
    public async Task<LastCheckpointInfo> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await GetSnapshotAsync(null, cancellationToken).ConfigureAwait(false);
        return await CheckpointWriter.WriteAsync(this, snapshot, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes log files older than <c>delta.logRetentionDuration</c> (or <paramref name="retention"/>), keeping the
    /// newest checkpoint at or before the cutoff and everything after it. Returns the number of files deleted.</summary>
    public async Task<int> CleanupExpiredLogsAsync(TimeSpan? retention = null, CancellationToken cancellationToken = default)
    {
        var snapshot = await GetSnapshotAsync(null, cancellationToken).ConfigureAwait(false);
        var properties = Snapshots.TableProperties.From(snapshot.Metadata.Configuration);
        return await LogCleanup.RunAsync(this, snapshot, retention ?? properties.LogRetentionDuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>VACUUM: deletes unreferenced data files older than the retention (see <see cref="VacuumOptions"/>).</summary>
    public Task<VacuumResult> VacuumAsync(VacuumOptions? options = null, CancellationToken cancellationToken = default) =>
        Vacuum.RunAsync(this, options ?? new VacuumOptions(), cancellationToken);

    /// <summary>OPTIMIZE: compacts small files per partition into files of about the target size (dataChange=false).</summary>
    public Task<OptimizeResult> OptimizeAsync(OptimizeOptions? options = null, CancellationToken cancellationToken = default) =>
        Optimize.RunAsync(this, options ?? new OptimizeOptions(), cancellationToken);
}
