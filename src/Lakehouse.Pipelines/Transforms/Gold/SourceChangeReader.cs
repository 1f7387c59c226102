using Lakehouse.Delta;
using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Log;
using Lakehouse.Delta.Partitions;
using Lakehouse.Delta.Snapshots;

namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>
/// Replays a source's commits after a gold watermark and collects the data files they added and removed
/// (<c>dataChange=true</c> only: compaction moves rows without changing them). It refuses, with a reason, whenever the
/// changes cannot be trusted to describe the difference between the two versions: a commit that was cleaned up, a
/// metadata or protocol change (schema evolution, new partitioning, new properties), or a removed file whose
/// partition values or size were not recorded.
/// </summary>
internal static class SourceChangeReader
{
    public static async Task<SourceChanges> ReadAsync(DeltaTable source, Snapshot latest, long watermark, CancellationToken ct)
    {
        var added = new Dictionary<string, AddFile>(StringComparer.Ordinal);
        var removed = new Dictionary<string, RemoveFile>(StringComparer.Ordinal);
        for (var v = watermark + 1; v <= latest.Version; v++)
        {
            var bytes = await source.LogStore.ReadCommitAsync(v, ct).ConfigureAwait(false);
            if (bytes is null)
            {
                return SourceChanges.Fallback(source, latest, watermark, $"commit {v} of {source.TableUri} was cleaned up, so the changes since version {watermark} are unknown");
            }

            foreach (var action in ActionCodec.Parse(bytes.Value.Span, $"{source.TableUri} version {v}"))
            {
                switch (action)
                {
                    case MetadataAction:
                    case ProtocolAction:
                        return SourceChanges.Fallback(source, latest, watermark, $"{source.TableUri} changed its schema, metadata or protocol in version {v}");
                    case AddFile { DataChange: true } add:
                        var addKey = DeltaPath.Decode(add.Path);
                        if (!removed.Remove(addKey))
                        {
                            added[addKey] = add;
                        }

                        break;
                    case RemoveFile { DataChange: true } remove:
                        var removeKey = DeltaPath.Decode(remove.Path);
                        if (!added.Remove(removeKey))
                        {
                            removed[removeKey] = remove;
                        }

                        break;
                }
            }
        }

        var removedFiles = new List<LiveFile>();
        foreach (var remove in removed.Values)
        {
            if (remove.PartitionValues is null && latest.PartitionColumns.Count > 0)
            {
                return SourceChanges.Fallback(source, latest, watermark, $"the remove action of {remove.Path} in {source.TableUri} has no partition values");
            }

            var add = new AddFile { Path = remove.Path, PartitionValues = remove.PartitionValues ?? new Dictionary<string, string?>(), Size = remove.Size ?? -1 };
            var file = source.ToLiveFile(latest, add);
            if (remove.Size is null)
            {
                var head = await source.Store.HeadAsync(file.Key, ct).ConfigureAwait(false);
                if (head is null)
                {
                    return SourceChanges.Fallback(source, latest, watermark, $"{file.Key}, removed from {source.TableUri} after version {watermark}, was vacuumed");
                }

                file = source.ToLiveFile(latest, add with { Size = head.Size });
            }

            removedFiles.Add(file);
        }

        return new SourceChanges(source, latest, watermark, added.Values.Select(a => source.ToLiveFile(latest, a)).ToList(), removedFiles, null);
    }
}
