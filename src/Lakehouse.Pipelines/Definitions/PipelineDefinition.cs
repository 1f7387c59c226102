namespace Lakehouse.Pipelines.Definitions;

/// <summary>
/// A parsed and validated pipeline definition (format version 1): sources that land into bronze tables, silver
/// tables derived from bronze or silver, and gold aggregates over silver. Build it with <see cref="PipelineDefinitionParser"/>.
/// </summary>
public sealed record PipelineDefinition(
    int Version,
    string Name,
    string WorkspaceId,
    OwnerDefinition Owner,
    IReadOnlyDictionary<string, string> Tags,
    string? Lake,
    IReadOnlyList<SourceDefinition> Sources,
    IReadOnlyList<SilverTableDefinition> Silver,
    IReadOnlyList<GoldTableDefinition> Gold,
    string File)
{
    /// <summary>The source whose bronze table is <paramref name="table"/>, or null.</summary>
    public SourceDefinition? FindSourceByTable(string table) =>
        Sources.FirstOrDefault(s => string.Equals(s.Table, table, StringComparison.OrdinalIgnoreCase));

    /// <summary>The source named <paramref name="name"/>, or null.</summary>
    public SourceDefinition? FindSource(string name) =>
        Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The silver table named <paramref name="name"/>, or null.</summary>
    public SilverTableDefinition? FindSilver(string name) =>
        Silver.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The gold table named <paramref name="name"/>, or null.</summary>
    public GoldTableDefinition? FindGold(string name) =>
        Gold.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));
}
