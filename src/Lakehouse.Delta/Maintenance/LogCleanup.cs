using Lakehouse.Delta.Log;
using Lakehouse.Delta.Snapshots;

namespace Lakehouse.Delta.Maintenance;

/// <summary>
/// Deletes expired log files (Spark's MetadataCleanup): commits and checkpoints older than the retention cutoff and
/// older than the newest checkpoint written at or before the cutoff. That checkpoint and everything after it stay, so
/// every version from the checkpoint on remains readable.
/// </summary>
internal static class LogCleanup
{
    public static async Task<int> RunAsync(DeltaTable table, Snapshot snapshot, TimeSpan retention, CancellationToken cancellationToken)
    {
        var cutoff = table.TimeProvider.GetUtcNow() - retention;
        var files = await LogListing.ListAsync(table.Store, table.TableRoot, 0, cancellationToken).ConfigureAwait(false);
        long? keepFrom = null;
        foreach (var f in files)
        {
            if (f.Kind is LogFileKind.Checkpoint or LogFileKind.MultiPartCheckpoint && f.LastModified <= cutoff && f.Version <= snapshot.Version)
            {
                keepFrom = keepFrom is null ? f.Version : Math.Max(keepFrom.Value, f.Version);
            }
        }

        if (keepFrom is null)
        {
            return 0;
        }

        var deleted = 0;
        foreach (var f in files)
        {
            if (f.Version < keepFrom && f.LastModified <= cutoff)
            {
                await table.Store.DeleteAsync(f.Key, cancellationToken).ConfigureAwait(false);
                deleted++;
            }
        }

        return deleted;
    }
}
