using Lakehouse.Delta;
using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Snapshots;

namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>
/// Checks the invariant an incremental gold update rests on: the table still holds exactly what this step last
/// computed. It walks the gold log back from the latest version to the commit that recorded the current watermarks
/// (usually the latest one); commits in between may only compact files (<c>dataChange=false</c>). Any other writer's
/// data or metadata change, or a commit that was cleaned up, means a full recompute.
/// </summary>
internal static class GoldLineage
{
    private const int MaxCommitsBack = 20;

    /// <returns>Null when the invariant holds, otherwise why not.</returns>
    public static async Task<string?> CheckAsync(DeltaTable target, Snapshot snapshot, IReadOnlyDictionary<string, long> watermarks, CancellationToken ct)
    {
        for (var v = snapshot.Version; v >= 0 && v > snapshot.Version - MaxCommitsBack; v--)
        {
            var bytes = await target.LogStore.ReadCommitAsync(v, ct).ConfigureAwait(false);
            if (bytes is null)
            {
                return $"commit {v} of {target.TableUri} was cleaned up, so the table's last writer is unknown";
            }

            var actions = ActionCodec.Parse(bytes.Value.Span, $"{target.TableUri} version {v}");
            var txns = actions.OfType<TxnAction>().ToDictionary(t => t.AppId, t => t.Version, StringComparer.Ordinal);
            if (watermarks.All(w => txns.TryGetValue(w.Key, out var seen) && seen == w.Value))
            {
                return null;
            }

            if (actions.Any(a => a is MetadataAction or ProtocolAction or AddFile { DataChange: true } or RemoveFile { DataChange: true }))
            {
                return $"version {v} of {target.TableUri} was written by another writer after this step's last update";
            }
        }

        return $"the commit of {target.TableUri} holding this step's watermarks is more than {MaxCommitsBack} versions back";
    }
}
