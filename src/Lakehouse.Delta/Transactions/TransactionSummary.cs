using Lakehouse.Delta.Partitions;
using Lakehouse.Parquet.Data;

namespace Lakehouse.Delta.Transactions;

/// <summary>
/// What the conflict checker needs to know about a transaction: what it read (partition predicates and the files they
/// selected) and what it writes (removed files, txn appIds, metadata/protocol changes).
/// </summary>
public sealed record TransactionSummary
{
    /// <summary>The snapshot version the transaction read.</summary>
    public long ReadVersion { get; init; }

    /// <summary>True when the transaction only adds files and read nothing (blind appends commute with everything but metadata changes).</summary>
    public bool IsBlindAppend { get; init; }

    /// <summary>Partition predicates the transaction's result depends on (<see cref="PartitionPredicate.All"/> for a whole-table read).</summary>
    public IReadOnlyList<PartitionPredicate> ReadPredicates { get; init; } = [];

    /// <summary>Decoded paths of files the transaction read.</summary>
    public IReadOnlySet<string> ReadFiles { get; init; } = new HashSet<string>();

    /// <summary>Decoded paths of files the transaction removes.</summary>
    public IReadOnlySet<string> RemovedFiles { get; init; } = new HashSet<string>();

    /// <summary>appIds of the txn actions the transaction writes.</summary>
    public IReadOnlySet<string> AppIds { get; init; } = new HashSet<string>();

    /// <summary>How concurrent appends are checked (default: Spark's WriteSerializable).</summary>
    public IsolationLevel IsolationLevel { get; init; } = IsolationLevel.WriteSerializable;

    public bool ChangesMetadata { get; init; }

    public bool ChangesProtocol { get; init; }

    /// <summary>Types of the partition columns (to evaluate read predicates on the winner's partition values).</summary>
    public IReadOnlyDictionary<string, DataType> PartitionColumnTypes { get; init; } = new Dictionary<string, DataType>();
}
