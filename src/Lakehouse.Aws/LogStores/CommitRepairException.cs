namespace Lakehouse.Aws.LogStores;

/// <summary>
/// A commit claimed in DynamoDB cannot be completed: its staged temp object is gone and N.json was never written.
/// The table's log stops at this version until an operator decides (the message names table, version and temp path).
/// </summary>
public sealed class CommitRepairException : LakehouseException
{
    public CommitRepairException(string message)
        : base(message)
    {
    }
}
