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

    public ProtocolAction? Protocol { get; private set; }

    public MetadataAction? Metadata { get; private set; }

    public IReadOnlyDictionary<string, AddFile> Files => _files;

    public IReadOnlyDictionary<string, RemoveFile> Tombstones => _tombstones;

    public IReadOnlyDictionary<string, TxnAction> Transactions => _txns;

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
                Metadata = metadata;
                break;
            case ProtocolAction protocol:
                Protocol = protocol;
                break;
        }
    }
}
