namespace Lakehouse.Pipelines.Definitions;

/// <summary>Keep one row per <see cref="Keys"/>: the one with the greatest <see cref="SequenceBy"/> (or the first seen when null).</summary>
public sealed record DedupeDefinition(IReadOnlyList<string> Keys, string? SequenceBy, SourcePosition Position);
