using Lakehouse.Pipelines.Transforms.Silver;

namespace Lakehouse.Pipelines.Transforms;

/// <summary>What one silver or gold step did; <see cref="TransformStep"/> turns it into the summary JSON and event log rows.</summary>
internal sealed class StepOutcome
{
    public string Status { get; set; } = TransformStatus.Succeeded;

    public string? Message { get; set; }

    /// <summary>How the step ran when there is a choice (gold: <c>incremental</c> or <c>full</c>); null otherwise.</summary>
    public string? Strategy { get; set; }

    public Dictionary<string, long> SourceVersions { get; } = new(StringComparer.Ordinal);

    public long? VersionWritten { get; set; }

    public long RowsRead { get; set; }

    public long RowsWritten { get; set; }

    public long RowsDropped { get; set; }

    public IReadOnlyList<ExpectationCounts> Expectations { get; set; } = [];

    /// <summary>Mode-specific figures (files rewritten, keys inserted/updated/deleted, stale changes ignored).</summary>
    public Dictionary<string, long> Details { get; } = new(StringComparer.Ordinal);
}
