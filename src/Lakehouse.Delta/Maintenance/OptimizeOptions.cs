using Lakehouse.Delta.Partitions;

namespace Lakehouse.Delta.Maintenance;

/// <summary>Options of OPTIMIZE (bin-packing compaction).</summary>
public sealed record OptimizeOptions
{
    /// <summary>Files are packed into bins of about this many bytes (Spark: delta.optimize.maxFileSize, 1 GiB; delta-rs 100 MiB).</summary>
    public long TargetFileSize { get; init; } = 128L * 1024 * 1024;

    /// <summary>Only partitions matching this predicate are compacted (all when null).</summary>
    public PartitionPredicate? Predicate { get; init; }

    /// <summary>Receives one report per compacted file once it is read into its new file, for progress display.</summary>
    public IProgress<MaintenanceProgress>? Progress { get; init; }
}
