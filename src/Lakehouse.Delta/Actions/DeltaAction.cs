namespace Lakehouse.Delta.Actions;

/// <summary>One action of a Delta commit (PROTOCOL.md "Actions"): protocol, metaData, add, remove, txn or commitInfo.</summary>
public abstract record DeltaAction;
