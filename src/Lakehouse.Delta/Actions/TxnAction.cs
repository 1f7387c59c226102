namespace Lakehouse.Delta.Actions;

/// <summary>The <c>txn</c> action: the latest version an idempotent writer (<see cref="AppId"/>) has committed.</summary>
public sealed record TxnAction : DeltaAction
{
    public string AppId { get; init; } = string.Empty;

    public long Version { get; init; }

    public long? LastUpdated { get; init; }
}
