namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// Keys and ordering for merge and SCD2 modes (Lakeflow's <c>AUTO CDC</c>: keys, sequence_by, apply_as_deletes).
/// </summary>
public sealed record MergeDefinition(IReadOnlyList<string> Keys, string SequenceBy, ExpressionText? DeleteWhen, SourcePosition Position);
