namespace Lakehouse.Pipelines.Metering;

/// <summary>Owner and tags of a pipeline, as its usage records carry them (from the pipeline definition).</summary>
public sealed record UsageAttribution(string OwnerId, string OwnerName, IReadOnlyDictionary<string, string> Tags);
