using Lakehouse.Delta.Errors;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Snapshots;

namespace Lakehouse.Delta.Maintenance;

/// <summary>
/// VACUUM: deletes data files under the table root that no live file or unexpired tombstone references and that are
/// older than the retention (so files of in-flight writers survive). Hidden paths (<c>_delta_log/</c>, names starting with
/// '_' or '.', except <c>_col=value</c> partition folders) are never touched.
/// </summary>
internal static class Vacuum
{
    public static async Task<VacuumResult> RunAsync(DeltaTable table, VacuumOptions options, CancellationToken cancellationToken)
    {
        var snapshot = await table.GetSnapshotAsync(null, cancellationToken).ConfigureAwait(false);
        var configured = TableProperties.From(snapshot.Metadata.Configuration).DeletedFileRetentionDuration;
        var retention = options.Retention ?? configured;
        if (retention < configured && !options.Force)
        {
            throw new DeltaWriteException(
                $"Refusing to VACUUM {table.TableUri} with a retention of {retention.TotalHours:F0} hours: it is shorter than delta.deletedFileRetentionDuration " +
                $"({configured.TotalHours:F0} hours), so readers of older versions and concurrent writers could lose files. Use a longer retention, or force it if no such readers or writers exist.");
        }

        var now = table.TimeProvider.GetUtcNow();
        var cutoff = now - retention;
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in snapshot.Files)
        {
            keep.Add(f.Key);
        }

        foreach (var t in snapshot.Tombstones)
        {
            if (t.DeletionTimestamp is not { } ts || DateTimeOffset.FromUnixTimeMilliseconds(ts) > cutoff)
            {
                keep.Add(Snapshots.SnapshotLoader.ResolveKey(table.Store, table.TableRoot, DeltaPath.Decode(t.Path), table.TableUri));
            }
        }

        var prefix = table.TableRoot.Length == 0 ? string.Empty : table.TableRoot + "/";
        var delete = new List<string>();
        await foreach (var o in table.Store.ListAsync(prefix, null, cancellationToken).ConfigureAwait(false))
        {
            var relative = o.Key[prefix.Length..];
            if (IsHidden(relative) || keep.Contains(o.Key) || o.LastModified > cutoff)
            {
                continue;
            }

            delete.Add(o.Key);
        }

        if (!options.DryRun)
        {
            for (var i = 0; i < delete.Count; i++)
            {
                await table.Store.DeleteAsync(delete[i], cancellationToken).ConfigureAwait(false);
                options.Progress?.Report(new MaintenanceProgress(i + 1, delete.Count, delete[i]));
            }
        }

        return new VacuumResult(delete, options.DryRun, retention);
    }

    internal static bool IsHidden(string relativePath)
    {
        foreach (var segment in relativePath.Split('/'))
        {
            if (segment.StartsWith('.') || (segment.StartsWith('_') && !segment.Contains('=', StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
