namespace Lakehouse.Pipelines.Definitions;

/// <summary>The owner of a pipeline (billing and audit identity).</summary>
public sealed record OwnerDefinition(string Id, string? Name);
