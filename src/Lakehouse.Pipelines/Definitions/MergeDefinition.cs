namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// Keys and ordering for merge and SCD2 modes (Lakeflow's <c>AUTO CDC</c>: keys, sequence_by, apply_as_deletes).
/// <see cref="TombstoneRetention"/> is how long a delete is remembered so that older changes of the key arriving
/// later are ignored (Lakeflow's <c>pipelines.cdc.tombstoneGCThresholdInSeconds</c>); null means
/// <see cref="DefaultTombstoneRetention"/>.
/// </summary>
public sealed record MergeDefinition(IReadOnlyList<string> Keys, string SequenceBy, ExpressionText? DeleteWhen, SourcePosition Position, TimeSpan? TombstoneRetention = null)
{
    /// <summary>Two days, Lakeflow's default tombstone retention (172800 seconds).</summary>
    public static readonly TimeSpan DefaultTombstoneRetention = TimeSpan.FromDays(2);

    /// <summary>The retention in effect.</summary>
    public TimeSpan EffectiveTombstoneRetention => TombstoneRetention ?? DefaultTombstoneRetention;
}
