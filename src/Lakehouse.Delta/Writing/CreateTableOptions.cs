namespace Lakehouse.Delta.Writing;

/// <summary>Options of <see cref="DeltaTable.CreateAsync"/>: partition columns, table properties, name and description.</summary>
public sealed record CreateTableOptions
{
    public IReadOnlyList<string> PartitionColumns { get; init; } = [];

    /// <summary>Table properties (<c>delta.appendOnly</c>, <c>delta.checkpointInterval</c>, ...).</summary>
    public IReadOnlyDictionary<string, string>? Configuration { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>When true and a table already exists, return it instead of failing (schemas must then match).</summary>
    public bool IfNotExists { get; init; }
}
