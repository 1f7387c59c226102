using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Partitions;

namespace Lakehouse.Delta.Snapshots;

/// <summary>
/// Replays actions in log order (checkpoint first, then commits ascending): the latest protocol and metaData win, the
/// latest txn per appId wins, and per (decoded) path the newest add or remove wins (PROTOCOL.md "Action Reconciliation").
/// </summary>
internal sealed class LogReplay
{
    private readonly Dictionary<string, AddFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RemoveFile> _tombstones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TxnAction> _txns = new(StringComparer.Ordinal);

    private Dictionary<string, LiveFile>? _previousFiles;

    public ProtocolAction? Protocol { get; private set; }

    public MetadataAction? Metadata { get; private set; }

    public IReadOnlyDictionary<string, AddFile> Files => _files;

    public IReadOnlyDictionary<string, RemoveFile> Tombstones => _tombstones;

    public IReadOnlyDictionary<string, TxnAction> Transactions => _txns;

    /// <summary>A replay seeded with the state of <paramref name="snapshot"/>, to apply the commits after it.</summary>
    public static LogReplay From(Snapshot snapshot)
    {
        var replay = new LogReplay { Protocol = snapshot.Protocol, Metadata = snapshot.Metadata };
        replay._previousFiles = new Dictionary<string, LiveFile>(snapshot.Files.Count, StringComparer.Ordinal);
        foreach (var f in snapshot.Files)
        {
            var key = DeltaPath.Decode(f.Path);
            replay._files[key] = f.Add;
            replay._previousFiles[key] = f;
        }

        foreach (var t in snapshot.Tombstones)
        {
            replay._tombstones[DeltaPath.Decode(t.Path)] = t;
        }

        foreach (var (appId, txn) in snapshot.AppTransactions)
        {
            replay._txns[appId] = txn;
        }

        return replay;
    }

    /// <summary>The previous snapshot's typed file for this path when its add action is unchanged and the metadata too.</summary>
    public LiveFile? Reusable(string decodedPath, AddFile add) =>
        _previousFiles is not null && !_metadataChanged && _previousFiles.TryGetValue(decodedPath, out var f) && ReferenceEquals(f.Add, add) ? f : null;

    private bool _metadataChanged;

    public void Apply(IEnumerable<DeltaAction> actions)
    {
        foreach (var action in actions)
        {
            Apply(action);
        }
    }

    public void Apply(DeltaAction action)
    {
        switch (action)
        {
            case AddFile add:
                var addKey = DeltaPath.Decode(add.Path);
                _files[addKey] = add;
                _tombstones.Remove(addKey);
                break;
            case RemoveFile remove:
                var removeKey = DeltaPath.Decode(remove.Path);
                _files.Remove(removeKey);
                _tombstones[removeKey] = remove;
                break;
            case TxnAction txn:
                _txns[txn.AppId] = txn;
                break;
            case MetadataAction metadata:
                _metadataChanged |= _previousFiles is not null;
                Metadata = metadata;
                break;
            case ProtocolAction protocol:
                Protocol = protocol;
                break;
        }
    }
}
