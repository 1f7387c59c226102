namespace Lakehouse.Delta.Transactions;

/// <summary>How strictly concurrent appends are checked against what a transaction read (Spark's isolation levels).</summary>
public enum IsolationLevel
{
    /// <summary>Any data added concurrently in the partitions this transaction read conflicts.</summary>
    Serializable,

    /// <summary>Spark's default: concurrent blind appends may be ordered after this transaction and do not conflict;
    /// data added by non-blind commits (merge, overwrite, delete) in the partitions read does.</summary>
    WriteSerializable,

    /// <summary>Concurrently added files never conflict (OPTIMIZE); removed files still do.</summary>
    SnapshotIsolation,
}
