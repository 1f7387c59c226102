using System.Text.Json;

namespace Lakehouse.Delta.Actions;

/// <summary>One line of a commit file as read: exactly one of the properties is set; unknown actions leave all null.</summary>
internal sealed class ActionLine
{
    public ProtocolAction? Protocol { get; set; }

    public MetadataAction? MetaData { get; set; }

    public AddFile? Add { get; set; }

    public RemoveFile? Remove { get; set; }

    public TxnAction? Txn { get; set; }

    public JsonElement? CommitInfo { get; set; }
}
