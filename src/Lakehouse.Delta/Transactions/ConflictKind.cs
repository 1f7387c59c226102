namespace Lakehouse.Delta.Transactions;

/// <summary>Why a winning commit conflicts with a transaction (Spark's ConflictChecker exception families).</summary>
public enum ConflictKind
{
    /// <summary>The winner changed the protocol.</summary>
    ProtocolChanged,

    /// <summary>The winner changed the metadata (schema, partitioning, configuration).</summary>
    MetadataChanged,

    /// <summary>The winner added data in files or partitions this transaction read.</summary>
    ConcurrentAppend,

    /// <summary>The winner removed a file this transaction read.</summary>
    ConcurrentDeleteRead,

    /// <summary>The winner removed a file this transaction also removes.</summary>
    ConcurrentDeleteDelete,

    /// <summary>The winner committed a txn action for an appId this transaction also sets.</summary>
    ConcurrentTransaction,
}
