using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Maintenance;
using Lakehouse.Delta.Snapshots;

namespace Lakehouse.Delta.Transactions;

/// <summary>Post-commit work: a checkpoint every <c>delta.checkpointInterval</c> commits, then expired log cleanup.
/// Failures here do not undo the commit; they are reported on the <see cref="CommitResult"/>.</summary>
internal static class PostCommit
{
    public static async Task<CommitResult> RunAsync(DeltaTable table, CommitResult result, Actions.MetadataAction metadata, CancellationToken cancellationToken)
    {
        var properties = TableProperties.From(metadata.Configuration);
        if (!table.CommitOptions.CheckpointAfterCommit || result.Version == 0 || result.Version % properties.CheckpointInterval != 0)
        {
            return result;
        }

        try
        {
            var snapshot = await table.GetSnapshotAsync(result.Version, cancellationToken).ConfigureAwait(false);

            await CheckpointWriter.WriteAsync(table, snapshot, cancellationToken).ConfigureAwait(false);
            if (properties.EnableExpiredLogCleanup)
            {
                await LogCleanup.RunAsync(table, snapshot, properties.LogRetentionDuration, cancellationToken).ConfigureAwait(false);
            }

            return result with { CheckpointVersion = result.Version };
        }
        catch (Exception ex) when (ex is DeltaException or IOException or LakehouseException)
        {
            return result with { PostCommitError = $"Commit {result.Version} succeeded but post-commit work failed: {ex.Message}" };
        }
    }
}
