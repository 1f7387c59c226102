namespace Lakehouse.Pipelines.Transforms.Gold;

/// <summary>How a gold update will run: incrementally over <see cref="Changes"/>, or fully for <see cref="Reason"/>.</summary>
internal sealed record GoldStrategyDecision(IReadOnlyList<(GoldSource Source, SourceChanges Changes)>? Changes, string Reason)
{
    public const string IncrementalStrategy = "incremental";

    public const string FullStrategy = "full";

    public static GoldStrategyDecision Full(string reason) => new(null, reason);
}
