using Lakehouse.Delta;
using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Log;
using Lakehouse.Delta.Snapshots;

namespace Lakehouse.Pipelines.Transforms;

/// <summary>
/// Finds the files a source table added after a watermark version. It replays the commits in (watermark, latest]
/// and keeps their data-changing <c>add</c> actions (compaction rewrites, <c>dataChange=false</c>, carry no new rows).
/// When some of those commits were cleaned up after a checkpoint, it falls back to a snapshot diff: the live files of
/// the latest snapshot that were not live at the watermark; when even that snapshot cannot be rebuilt it fails and
/// says how to recover (a full refresh of the consuming table).
/// </summary>
internal static class SourceIncrementReader
{
    public static async Task<SourceIncrement> ReadAsync(DeltaTable source, Snapshot latest, long watermark, CancellationToken ct)
    {
        var files = new List<LiveFile>();
        for (var v = watermark + 1; v <= latest.Version; v++)
        {
            var bytes = await source.LogStore.ReadCommitAsync(v, ct).ConfigureAwait(false);
            if (bytes is null)
            {
                return await DiffAsync(source, latest, watermark, ct).ConfigureAwait(false);
            }

            foreach (var action in ActionCodec.Parse(bytes.Value.Span, $"{source.TableUri} version {v}"))
            {
                if (action is AddFile { DataChange: true } add)
                {
                    files.Add(source.ToLiveFile(latest, add));
                }
            }
        }

        return new SourceIncrement(latest, watermark, latest.Version, files, false);
    }

    private static async Task<SourceIncrement> DiffAsync(DeltaTable source, Snapshot latest, long watermark, CancellationToken ct)
    {
        if (watermark < 0)
        {
            return new SourceIncrement(latest, watermark, latest.Version, latest.Files, true);
        }

        Snapshot old;
        try
        {
            old = await source.GetSnapshotAsync(watermark, ct).ConfigureAwait(false);
        }
        catch (LakehouseException e)
        {
            throw new TransformException(
                $"The commits of {source.TableUri} after version {watermark} were cleaned up and version {watermark} cannot be rebuilt ({e.Message}). " +
                "Run a full refresh of the consuming table (delete it) or raise delta.logRetentionDuration on the source.", e);
        }

        var before = new HashSet<string>(old.Files.Select(f => f.Path), StringComparer.Ordinal);
        var added = latest.Files.Where(f => !before.Contains(f.Path)).ToList();
        return new SourceIncrement(latest, watermark, latest.Version, added, true);
    }
}
